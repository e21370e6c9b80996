using Npa.Capture.Diagnostics;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Diagnostics;

public sealed class CaptureBench_Tests(ITestOutputHelper output)
{
    [Fact]
    public void Short_Bench_Times_Every_Stage_For_Every_Detector_And_Prints_A_Table()
    {
        using var text = new StringWriter();

        IReadOnlyList<CaptureBenchRow> rows = CaptureBench.Run(text, new CaptureBenchOptions
        {
            Frames = 5,
            WarmupFrames = 1,
            BlazeFaceModelPath = TestPaths.BlazeFaceModel(),
            ScenePath = TestPaths.TestData("grace_hopper_512x512.jpg"),
        });

        output.WriteLine(text.ToString());
        Assert.Equal(["blazeface", "haar", "roi"], rows.Select(r => r.Detector));
        Assert.All(rows, r =>
        {
            Assert.Equal(5, r.FacesFound);
            Assert.All(new[] { "decode", "detect", "crop", "quality", "preprocess" }, s => Assert.True(r.MedianMs[s] > 0, $"{r.Detector} {s} has no timing"));
        });
        Assert.Contains("| blazeface | 5/5 |", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Scene_Is_A_Simulated_Neonate_That_Every_Detector_Finds()
    {
        using var text = new StringWriter();

        IReadOnlyList<CaptureBenchRow> rows = CaptureBench.Run(text, new CaptureBenchOptions { Frames = 2, WarmupFrames = 0, BlazeFaceModelPath = TestPaths.BlazeFaceModel() });

        Assert.All(rows, r => Assert.Equal(2, r.FacesFound));
        Assert.Contains("640x480 simulated neonate", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Full_Bench_On_The_Simulated_Neonate_Prints_Its_Table()
    {
        using var text = new StringWriter();

        IReadOnlyList<CaptureBenchRow> rows = CaptureBench.Run(text, new CaptureBenchOptions { BlazeFaceModelPath = TestPaths.BlazeFaceModel() });

        output.WriteLine(text.ToString());
        Assert.All(rows, r => Assert.Equal(r.Frames, r.FacesFound));
    }

    [Fact]
    public void Missing_Scene_Gives_A_Clear_Error()
    {
        var ex = Assert.Throws<ArgumentException>(() => CaptureBench.Run(TextWriter.Null, new CaptureBenchOptions { ScenePath = "/nonexistent/scene.jpg" }));

        Assert.Contains("ScenePath '/nonexistent/scene.jpg' does not exist.", ex.Message, StringComparison.Ordinal);
    }
}
