using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;
using Npa.Shared.Nips;

namespace Npa.Capture.Tests.Simulation;

public sealed class ClinicalTimelineGenerator_Tests
{
    private static readonly ClinicalTimelineOptions OneHourFourBeds = new() { Duration = TimeSpan.FromHours(1), Beds = 4, Seed = 3 };

    [Fact]
    public void Hour_Long_Timelines_Hold_Every_Occluder_Dropouts_And_Severe_Episodes()
    {
        var scripts = ClinicalTimelineGenerator.Generate(OneHourFourBeds);

        Assert.Equal(["bed-1", "bed-2", "bed-3", "bed-4"], scripts.Select(s => s.BedId));
        foreach (var script in scripts)
        {
            Assert.Equal(TimeSpan.FromHours(1), script.Duration);
            Assert.False(script.Loop);
            var kinds = script.Occlusions.Select(o => o.Kind).ToHashSet();
            Assert.All(Enum.GetValues<OcclusionKind>().Where(k => k != OcclusionKind.None), k => Assert.Contains(k, kinds));
            Assert.NotEmpty(script.Dropouts);
            Assert.Contains(script.Segments, s => s.NipsFrom >= 6 || s.NipsTo >= 6);
            Assert.Contains(script.Segments, s => s.Name == "handling");
            Assert.Contains(script.Segments, s => s.Name == "procedure" && Math.Max(s.NipsFrom, s.NipsTo) is 3 or 4);
            // Mostly rest: a ward, not a torture chamber.
            double quiet = Enumerable.Range(0, 3600).Count(t => script.StateAt(TimeSpan.FromSeconds(t)).Nips <= 2) / 3600.0;
            Assert.InRange(quiet, 0.6, 0.98);
            Assert.All(Enumerable.Range(0, 3600), t => Assert.True(NipsScale.IsValidScore(script.StateAt(TimeSpan.FromSeconds(t)).Nips)));
        }
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Scripts_And_Another_Seed_Others()
    {
        string Json(int seed) => string.Join("\n", ClinicalTimelineGenerator.Generate(OneHourFourBeds with { Seed = seed }).Select(BedScriptJson.Serialize));

        Assert.Equal(Json(3), Json(3));
        Assert.NotEqual(Json(3), Json(4));
    }

    [Fact]
    public void Generated_Scripts_Round_Trip_Through_Json()
    {
        var script = ClinicalTimelineGenerator.Generate(OneHourFourBeds with { Beds = 1 })[0];

        var back = BedScriptJson.Parse(BedScriptJson.Serialize(script));

        Assert.Equal(script.Segments, back.Segments);
        Assert.Equal(script.Occlusions, back.Occlusions);
        Assert.Equal(script.Dropouts, back.Dropouts);
    }

    [Fact]
    public void Out_Of_Range_Options_Are_Refused_With_Reasons()
    {
        var e = Assert.Throws<ArgumentException>(() => ClinicalTimelineGenerator.Generate(new ClinicalTimelineOptions { Duration = TimeSpan.FromSeconds(10), Beds = 0 }));

        Assert.Contains("timeline duration", e.Message);
        Assert.Contains("bed count 0", e.Message);
    }
}
