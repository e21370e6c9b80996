using Npa.Capture.Simulation.Camera;
using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Tests.Simulation;

public sealed class BedScriptJson_Tests
{
    private const string Json = """
        {
          "bedId": "bed-2",
          "seed": 5,
          "loop": false,
          "segments": [
            { "name": "rest", "duration": "00:00:10", "nipsFrom": 0, "nipsTo": 1 },
            { "name": "peak pain", "duration": "00:00:05", "nipsFrom": 6, "nipsTo": 7 }
          ],
          "occlusions": [ { "start": "00:00:02", "duration": "00:00:03", "kind": "CpapMask" } ],
          "dropouts": [ { "start": "00:00:12", "duration": "00:00:01" } ]
        }
        """;

    [Fact]
    public void Json_Script_Loads_With_Segments_And_Events()
    {
        var script = BedScriptJson.Parse(Json);
        Assert.Equal("bed-2", script.BedId);
        Assert.Equal(TimeSpan.FromSeconds(15), script.Duration);
        Assert.Equal(OcclusionKind.CpapMask, script.StateAt(TimeSpan.FromSeconds(3)).Occlusion);
        Assert.False(script.StateAt(TimeSpan.FromSeconds(12.5)).CameraOnline);
        Assert.Equal(7, script.StateAt(TimeSpan.FromSeconds(14.9)).Nips);
        Assert.Equal("peak pain", script.StateAt(TimeSpan.FromSeconds(10)).Segment);
    }

    [Fact]
    public void Serialized_Script_Parses_Back_To_The_Same_Timeline()
    {
        var script = BedScript.Default("bed-1");
        var back = BedScriptJson.Parse(BedScriptJson.Serialize(script));
        Assert.Equal(script.Duration, back.Duration);
        Assert.Equal(script.Segments, back.Segments);
        Assert.Equal(script.Occlusions, back.Occlusions);
        Assert.Equal(script.Dropouts, back.Dropouts);
        Assert.True(back.Loop);
    }

    [Fact]
    public void Default_Script_Has_One_Pain_Episode_Through_All_Phases()
    {
        var script = BedScript.Default("bed-1");
        var nips = Enumerable.Range(0, (int)script.Duration.TotalSeconds).Select(s => script.StateAt(TimeSpan.FromSeconds(s))).ToList();
        Assert.Equal(["rest", "procedure", "peak pain", "recovery"], nips.Select(s => s.Segment).Distinct());
        int peak = nips.FindIndex(s => s.Nips == 7);
        Assert.True(peak > 0 && nips.Take(peak).All(s => s.Nips < 7) && nips[^1].Nips <= 2);
    }

    [Fact]
    public void Default_Script_Stages_No_Camera_Dropout()
    {
        var script = BedScript.Default("bed-1");

        Assert.Empty(script.Dropouts);
        Assert.All(Enumerable.Range(0, (int)(script.Duration.TotalSeconds * 10)), tenth => Assert.True(script.StateAt(TimeSpan.FromSeconds(tenth / 10.0)).CameraOnline));
    }

    [Fact]
    public void Example_Script_In_Configs_Loads()
    {
        var script = BedScriptJson.Load(ConfigFile("bed-script.example.json"));
        Assert.Equal(TimeSpan.FromSeconds(100), script.Duration);
        Assert.Equal(7, script.StateAt(TimeSpan.FromSeconds(64)).Nips);
    }

    [Fact]
    public void Dropout_Example_Is_The_Default_Episode_With_An_Eight_Second_Camera_Dropout()
    {
        var script = BedScriptJson.Load(ConfigFile("dropout-example.json"));
        var demo = BedScript.Default("bed-1");

        Assert.Equal(demo.Segments, script.Segments);
        Assert.Equal(demo.Occlusions, script.Occlusions);
        Assert.True(script.Loop);
        Assert.True(script.StateAt(TimeSpan.FromSeconds(34.9)).CameraOnline);
        Assert.False(script.StateAt(TimeSpan.FromSeconds(35)).CameraOnline);
        Assert.False(script.StateAt(TimeSpan.FromSeconds(42.9)).CameraOnline);
        Assert.True(script.StateAt(TimeSpan.FromSeconds(43)).CameraOnline);
    }

    private static string ConfigFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NpaMonitor.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "configs", "sim", name);
    }

    [Fact]
    public void Unknown_Key_Gives_Clear_Error()
    {
        var e = Assert.Throws<FormatException>(() => BedScriptJson.Parse(Json.Replace("\"seed\"", "\"sede\"", StringComparison.Ordinal)));
        Assert.Contains("sede", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nips_Out_Of_Range_Gives_Clear_Error()
    {
        var e = Assert.Throws<ArgumentException>(() => BedScriptJson.Parse(Json.Replace("\"nipsTo\": 7", "\"nipsTo\": 9", StringComparison.Ordinal)));
        Assert.Contains("segment 1 ('peak pain') NIPS 6->9 outside 0..7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Segments_Gives_Clear_Error()
    {
        var e = Assert.Throws<FormatException>(() => BedScriptJson.Parse("""{ "bedId": "b" }"""));
        Assert.Contains("segments", e.Message, StringComparison.Ordinal);
    }
}
