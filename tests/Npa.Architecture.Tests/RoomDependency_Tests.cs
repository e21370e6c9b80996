using System.Reflection;
using NetArchTest.Rules;

namespace Npa.Architecture.Tests;

/// <summary>The one-way room direction of docs/ARCHITECTURE.md: Shared ← Capture ← Monitor, Shared (+ Capture) ← Trainer.</summary>
public sealed class RoomDependency_Tests
{
    [Fact]
    public void Shared_Depends_On_No_Other_Room() =>
        AssertNoDependency(Rooms.Shared, Rooms.CaptureNamespace, Rooms.MonitorNamespace, Rooms.TrainerNamespace);

    [Fact]
    public void Capture_Depends_Only_On_Shared() =>
        AssertNoDependency(Rooms.Capture, Rooms.MonitorNamespace, Rooms.TrainerNamespace);

    [Fact]
    public void Monitor_Depends_Only_On_Shared_And_Capture() =>
        AssertNoDependency(Rooms.Monitor, Rooms.TrainerNamespace);

    // The page allows the Trainer Capture's simulator and image I/O, so only the Monitor is out of bounds.
    [Fact]
    public void Trainer_Depends_Only_On_Shared_And_Capture() =>
        AssertNoDependency(Rooms.Trainer, Rooms.MonitorNamespace);

    [Fact]
    public void Trainer_Never_References_Mqtt() =>
        AssertNoDependency(Rooms.Trainer, "MQTTnet");

    [Theory]
    [InlineData("shared")]
    [InlineData("capture")]
    [InlineData("monitor")]
    public void TorchSharp_Is_Used_Only_By_The_Trainer(string room) =>
        AssertNoDependency(
            room switch
            {
                "shared" => Rooms.Shared,
                "capture" => Rooms.Capture,
                _ => Rooms.Monitor,
            },
            "TorchSharp");

    private static void AssertNoDependency(Assembly room, params string[] forbidden)
    {
        var result = Types.InAssembly(room).Should().NotHaveDependencyOnAny(forbidden).GetResult();
        var offenders = (result.FailingTypes ?? []).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            result.IsSuccessful,
            $"{room.GetName().Name} must not depend on {string.Join(", ", forbidden)}; these types do:\n  "
            + string.Join("\n  ", offenders));
    }
}
