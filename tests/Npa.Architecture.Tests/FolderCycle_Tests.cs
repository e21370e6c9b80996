using System.Reflection;

namespace Npa.Architecture.Tests;

/// <summary>No namespace cycles between the folders of a room, apart from the known ones listed here until they are untangled.</summary>
public sealed class FolderCycle_Tests
{
    /// <summary>
    /// Edges that already lay on a folder cycle when this rule was written (issue 16). Each is to be removed when its
    /// cycle is broken; any edge not listed here that closes a cycle fails the build.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> KnownCyclicEdges = new Dictionary<string, string[]>
    {
        [Rooms.SharedNamespace] = [],
        [Rooms.CaptureNamespace] =
        [
            "Configuration→Cropping",
            "Configuration→Sources",
            "Cropping→Diagnostics",
            "Diagnostics→Cropping",
            "Diagnostics→Pipeline",
            "Diagnostics→Simulation",
            "Pipeline→Configuration",
            "Pipeline→Cropping",
            "Pipeline→Diagnostics",
            "Pipeline→Sampling",
            "Sampling→Diagnostics",
            "Simulation→Configuration",
            "Simulation→Cropping",
            "Simulation→Pipeline",
            "Sources→Diagnostics",
            "Sources→Simulation",
        ],
        [Rooms.MonitorNamespace] =
        [
            "Configuration→Storage",
            "Hosting→Metrics",
            "Hosting→Pipeline",
            "Hosting→Publishing",
            "Hosting→Web",
            "Metrics→Pipeline",
            "Pipeline→Publishing",
            "Publishing→Hosting",
            "Publishing→Metrics",
            "Publishing→Pipeline",
            "Storage→Configuration",
            "Web→Hosting",
            "Web→Metrics",
            "Web→Pipeline",
        ],
        [Rooms.TrainerNamespace] =
        [
            "Calibration→Data",
            "Calibration→Evaluation",
            "Calibration→Training",
            "Data→Training",
            "Evaluation→Calibration",
            "Evaluation→Data",
            "Evaluation→Training",
            "Training→Data",
            "Training→Evaluation",
        ],
    };

    public static TheoryData<string> RoomNames => [Rooms.SharedNamespace, Rooms.CaptureNamespace, Rooms.MonitorNamespace, Rooms.TrainerNamespace];

    [Theory]
    [MemberData(nameof(RoomNames))]
    public void Room_Has_No_New_Folder_Cycle(string room)
    {
        var graph = FolderGraph.Build(AssemblyOf(room), room);
        var unexpected = graph.CyclicEdges().Except(KnownCyclicEdges[room], StringComparer.Ordinal).ToList();
        Assert.True(
            unexpected.Count == 0,
            $"{room}: these folder dependencies close a cycle:\n  {string.Join("\n  ", unexpected)}\n"
            + $"Folder graph:\n  {Describe(graph)}");
    }

    // A cycle that has been broken must leave the list, so that it cannot quietly come back.
    [Theory]
    [MemberData(nameof(RoomNames))]
    public void Known_Cycle_List_Has_No_Stale_Edge(string room)
    {
        var cyclic = FolderGraph.Build(AssemblyOf(room), room).CyclicEdges();
        var stale = KnownCyclicEdges[room].Where(e => !cyclic.Contains(e)).ToList();
        Assert.True(stale.Count == 0, $"{room}: no longer on a cycle, remove from KnownCyclicEdges: {string.Join(", ", stale)}");
    }

    private static Assembly AssemblyOf(string room) => room switch
    {
        Rooms.SharedNamespace => Rooms.Shared,
        Rooms.CaptureNamespace => Rooms.Capture,
        Rooms.MonitorNamespace => Rooms.Monitor,
        _ => Rooms.Trainer,
    };

    private static string Describe(FolderGraph graph) =>
        string.Join("\n  ", graph.Edges.Select(e => $"{e.Key} → {string.Join(", ", e.Value)}"));
}
