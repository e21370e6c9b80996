using Npa.Capture.Simulation;
using Npa.Capture.Simulation.Rendering;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Simulation;

public sealed class HaarDetectability_Tests(ITestOutputHelper output)
{
    [Fact]
    public void Haar_Finds_Rendered_Frontal_Faces_At_The_Required_Rates()
    {
        var frames = HaarDetectabilityBench.Run(new DetectabilityOptions { FrontalFrames = 204, OccludedFrames = 24, Seed = 2024, MinNeighbors = 4 });
        var rates = HaarDetectabilityBench.Summarize(frames);
        output.WriteLine(HaarDetectabilityBench.FormatTable(rates));

        var all = rates.Single(r => r.Group.StartsWith("unoccluded", StringComparison.Ordinal));
        var hardest = rates.Single(r => r.Group.StartsWith("hardest", StringComparison.Ordinal));
        Assert.True(all.Frames >= 200, $"only {all.Frames} unoccluded frames");
        Assert.True(all.Rate >= 0.90, $"Haar found {all.Rate:P1} of unoccluded frontal faces; needs 90 %");
        Assert.True(hardest.Frames >= 30, $"only {hardest.Frames} frames in the hardest group");
        Assert.True(hardest.Rate >= 0.75, $"Haar found {hardest.Rate:P1} in the hardest group; needs 75 %");
        // Every tone is in the set, so the rates above cover all of them.
        Assert.All(Enumerable.Range(0, SkinTonePalette.Count), t => Assert.Contains(frames, f => f.SkinTone == t && f.Occlusion == OcclusionKind.None));
    }

    [Fact]
    public void Missing_Cascade_Gives_Clear_Error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => HaarDetectabilityBench.Run(new DetectabilityOptions { CascadePath = "/nonexistent/cascade.xml" }));
        Assert.Contains("install Debian's opencv-data", e.Message, StringComparison.Ordinal);
    }
}
