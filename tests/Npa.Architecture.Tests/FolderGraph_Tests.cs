namespace Npa.Architecture.Tests;

public sealed class FolderGraph_Tests
{
    // A→B→C→A is a three-folder cycle, D⇄E a two-folder one; C→D and F→A join components without closing a cycle.
    [Fact]
    public void Hand_Drawn_Graph_Gives_Exactly_The_Edges_On_Cycles()
    {
        var graph = FolderGraph.FromEdges(
            "Room",
            [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E"), ("E", "D"), ("F", "A"), ("E", "G")]);

        Assert.Equal(["A→B", "B→C", "C→A", "D→E", "E→D"], graph.CyclicEdges());
    }

    [Fact]
    public void Acyclic_Graph_Has_No_Cyclic_Edge()
    {
        var graph = FolderGraph.FromEdges("Room", [("A", "B"), ("B", "C"), ("A", "C")]);

        Assert.Empty(graph.CyclicEdges());
    }

    [Theory]
    [InlineData("Npa.Monitor", "Npa.Monitor.Web", "Web")]
    [InlineData("Npa.Trainer", "Npa.Trainer.Training.CoDivision", "Training")]
    [InlineData("Npa.Monitor", "Npa.Monitor", null)]
    [InlineData("Npa.Monitor", "Npa.MonitorX.Web", null)]
    [InlineData("Npa.Monitor", null, null)]
    public void Folder_Is_The_First_Namespace_Segment_Under_The_Room(string room, string? ns, string? folder) =>
        Assert.Equal(folder, FolderGraph.FolderOf(room, ns));
}
