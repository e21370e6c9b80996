using System.CommandLine;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Npa.Monitor.Commands;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.Shared.Datasets;

namespace Npa.Monitor.Tests.Commands;

/// <summary><c>npa-monitor flags export|import</c> end to end on a temporary store.</summary>
[SupportedOSPlatform("linux")]
public sealed class FlagsCommand_Tests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly string _data;
    private readonly string[] _ids;

    public FlagsCommand_Tests()
    {
        _data = _temp.File("data");
        using var store = OpenStore();
        for (int i = 0; i < 3; i++)
            store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate($"bed{i}", T0.AddMinutes(i), FlagReasons.LowAlpha | FlagReasons.LowConfidence),
                SqliteFlaggedFrameStore_Tests.Png(500 + i)).GetAwaiter().GetResult();
        _ids = [.. store.List().Select(f => f.Id)];
        store.ApplyLabels([new AnnotatorLabel(_ids[2], 6, "dr-a")]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Export_Writes_Private_Crops_And_A_Dataset_Manifest_And_Marks_Pending_As_Exported()
    {
        var (code, stdout, stderr) = await RunAsync("flags", "export", "--out", _temp.File("batch1"), "--data", _data);
        Assert.True(code == 0, stderr);
        Assert.Contains("exported 2 flagged frame(s)", stdout, StringComparison.Ordinal);

        var entries = DatasetManifestReader.Read(_temp.File("batch1/manifest.csv"));
        Assert.Equal(2, entries.Count);
        var first = entries[0];
        Assert.Equal(_ids[0], first.Extra["id"]);
        Assert.Equal("bed0", first.Extra["bed"]);
        Assert.Equal("2026-11-25T12:00:00.000Z", first.Extra["time"]);
        Assert.Equal("3", first.Extra["predicted_level"]);
        Assert.Equal(3, first.Label);
        Assert.Equal("low_alpha|low_confidence", first.Extra["reasons"]);
        Assert.Equal("model", first.Extra["label_source"]);
        Assert.Equal(SqliteFlaggedFrameStore_Tests.Png(500), await File.ReadAllBytesAsync(first.Path));
        Assert.All(Directory.GetFiles(_temp.File("batch1")), f => Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(f)));
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(_temp.File("batch1")));

        using var store = OpenStore();
        Assert.Equal([RelabelStatus.Exported, RelabelStatus.Exported, RelabelStatus.Labelled], store.List().Select(f => f.Status));
    }

    [Fact]
    public async Task Export_Of_Labelled_Frames_Gives_The_Annotators_Label_For_Training()
    {
        var (code, _, stderr) = await RunAsync("flags", "export", "--out", _temp.File("train"), "--status", "labelled", "--data", _data);
        Assert.True(code == 0, stderr);
        var entry = Assert.Single(DatasetManifestReader.Read(_temp.File("train/manifest.csv")));
        Assert.Equal((6, "annotator", "dr-a"), (entry.Label, entry.Extra["label_source"], entry.Extra["annotator"]));
    }

    [Fact]
    public async Task Export_Refuses_A_Folder_That_Already_Holds_A_Manifest()
    {
        Directory.CreateDirectory(_temp.File("batch"));
        await File.WriteAllTextAsync(_temp.File("batch/manifest.csv"), "annotators' work");
        var (code, _, stderr) = await RunAsync("flags", "export", "--out", _temp.File("batch"), "--data", _data);
        Assert.Equal(1, code);
        Assert.Contains("already holds manifest.csv", stderr, StringComparison.Ordinal);
        Assert.Equal("annotators' work", await File.ReadAllTextAsync(_temp.File("batch/manifest.csv")));
    }

    [Fact]
    public async Task Import_Of_An_Edited_Export_Records_Every_Label()
    {
        await RunAsync("flags", "export", "--out", _temp.File("batch"), "--data", _data);
        string csv = _temp.File("batch/manifest.csv");
        var edited = DatasetManifestReader.Read(csv).Select((e, i) => e with
        {
            Label = 5 + i,
            Extra = new Dictionary<string, string>(e.Extra) { ["annotator"] = "nurse-b" },
        }).ToList();
        DatasetManifestWriter.Write(csv, edited);

        var (code, stdout, stderr) = await RunAsync("flags", "import", csv, "--data", _data);
        Assert.True(code == 0, stderr);
        Assert.Contains("imported 2 label(s)", stdout, StringComparison.Ordinal);
        using var store = OpenStore();
        Assert.Equal((RelabelStatus.Labelled, 5, "nurse-b"), Label(store, _ids[0]));
        Assert.Equal((RelabelStatus.Labelled, 6, "nurse-b"), Label(store, _ids[1]));
    }

    [Theory]
    [InlineData("unknown", "line 3: unknown flagged frame id 'deadbeef'")]
    [InlineData("range", "line 3: label 9 is out of range 0..7")]
    [InlineData("notint", "line 3: label 'high' is not an integer")]
    [InlineData("header", "line 1: bad header: no 'id' column")]
    [InlineData("repeat", "line 3: id {0} repeats line 2")]
    [InlineData("noannotator", "line 3: no annotator; fill the 'annotator' column or pass --annotator")]
    public async Task Import_With_A_Bad_Row_Names_The_Line_And_Applies_Nothing(string fault, string expected)
    {
        string second = fault switch
        {
            "unknown" => "b.png,2,deadbeef,ann",
            "range" => $"b.png,9,{_ids[1]},ann",
            "notint" => $"b.png,high,{_ids[1]},ann",
            "repeat" => $"b.png,2,{_ids[0]},ann",
            "noannotator" => $"b.png,2,{_ids[1]},",
            _ => $"b.png,2,{_ids[1]},ann",
        };
        string header = fault == "header" ? "path,label,frame,annotator" : "path,label,id,annotator";
        string csv = _temp.File("labels.csv");
        await File.WriteAllTextAsync(csv, $"{header}\na.png,4,{_ids[0]},ann\n{second}\n");

        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--data", _data);
        Assert.Equal(1, code);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, _ids[0]), stderr, StringComparison.Ordinal);
        if (fault != "header" && fault != "range" && fault != "notint") Assert.Contains("nothing was imported", stderr, StringComparison.Ordinal);
        using var store = OpenStore();
        Assert.Equal(RelabelStatus.Pending, store.Find(_ids[0])!.Status); // the good first row was not applied either
    }

    [Fact]
    public async Task Import_Takes_The_Annotator_From_The_Option_When_The_Column_Is_Empty()
    {
        string csv = _temp.File("labels.csv");
        await File.WriteAllTextAsync(csv, $"path,label,id\na.png,1,{_ids[0]}\n");
        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--annotator", "dr-c", "--data", _data);
        Assert.True(code == 0, stderr);
        using var store = OpenStore();
        Assert.Equal((RelabelStatus.Labelled, 1, "dr-c"), Label(store, _ids[0]));
    }

    [Fact]
    public async Task Missing_Store_Or_Bad_Status_Gives_A_Clear_Message()
    {
        var (code, _, stderr) = await RunAsync("flags", "export", "--out", _temp.File("x"), "--data", _temp.File("nowhere"));
        Assert.Equal(1, code);
        Assert.Contains("no flagged-frame store at", stderr, StringComparison.Ordinal);
        var (badCode, _, badErr) = await RunAsync("flags", "export", "--out", _temp.File("x"), "--status", "done", "--data", _data);
        Assert.NotEqual(0, badCode);
        Assert.Contains("done", badErr, StringComparison.Ordinal);
    }

    private SqliteFlaggedFrameStore OpenStore() =>
        new(new FlaggedStoreOptions { Folder = Path.Combine(_data, FlaggedStoreOptions.FolderName), MinIntervalPerBed = TimeSpan.Zero });

    private static (RelabelStatus, int?, string?) Label(SqliteFlaggedFrameStore store, string id)
    {
        var f = store.Find(id)!;
        return (f.Status, f.AnnotatorLabel, f.Annotator);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { FlagsCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
