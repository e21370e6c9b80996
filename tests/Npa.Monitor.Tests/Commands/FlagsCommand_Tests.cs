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
    [InlineData("unknown", "line 3 (row 2), column 'id', value 'deadbeef': no flagged frame in the store has this id")]
    [InlineData("range", "line 3 (row 2), column 'label', value '9': is out of range 0..7")]
    [InlineData("notint", "line 3 (row 2), column 'label', value 'high': is not an integer NIPS level")]
    [InlineData("header", "line 1 (header), column 'id': is missing")]
    [InlineData("repeat", "line 3 (row 2), column 'id', value '{0}': repeats line 2")]
    [InlineData("noannotator", "line 3 (row 2), column 'annotator': is empty; fill the 'annotator' column or pass --annotator")]
    public async Task Import_With_A_Bad_Row_Names_The_Line_And_Applies_Nothing(string fault, string expected)
    {
        string second = fault switch
        {
            "unknown" => "b.png,2,deadbeef,ann",
            "range" => $"{_ids[1]}.png,9,{_ids[1]},ann",
            "notint" => $"{_ids[1]}.png,high,{_ids[1]},ann",
            "repeat" => $"{_ids[0]}.png,2,{_ids[0]},ann",
            "noannotator" => $"{_ids[1]}.png,2,{_ids[1]},",
            _ => $"{_ids[1]}.png,2,{_ids[1]},ann",
        };
        string header = fault == "header" ? "path,label,frame,annotator" : "path,label,id,annotator";
        string csv = _temp.File("labels.csv");
        await File.WriteAllTextAsync(csv, $"{header}\n{_ids[0]}.png,4,{_ids[0]},ann\n{second}\n");

        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--data", _data);
        Assert.Equal(1, code);
        Assert.Contains($"{csv}, " + string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, _ids[0]), stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", stderr, StringComparison.Ordinal);
        using var store = OpenStore();
        Assert.Equal(RelabelStatus.Pending, store.Find(_ids[0])!.Status); // the good first row was not applied either
    }

    [Fact]
    public async Task Import_Refuses_A_Path_That_Is_Not_The_Crop_The_Store_Holds_For_The_Id()
    {
        string csv = _temp.File("labels.csv");
        await File.WriteAllTextAsync(csv, $"""
            path,label,id,annotator
            ../../../../etc/passwd,4,{_ids[0]},ann
            {_ids[0]}.png,2,{_ids[1]},ann
            sub/{_ids[2]}.png,1,{_ids[2]},ann

            """);

        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--data", _data);

        Assert.Equal(1, code);
        Assert.Contains($"line 2 (row 1), column 'path', value '../../../../etc/passwd': is not the crop of flagged frame {_ids[0]}; expected '{_ids[0]}.png'", stderr, StringComparison.Ordinal);
        Assert.Contains($"line 3 (row 2), column 'path', value '{_ids[0]}.png': is not the crop of flagged frame {_ids[1]}", stderr, StringComparison.Ordinal);
        Assert.Contains($"line 4 (row 3), column 'path', value 'sub/{_ids[2]}.png': is not the crop of flagged frame {_ids[2]}", stderr, StringComparison.Ordinal);
        using var store = OpenStore();
        Assert.Equal([RelabelStatus.Pending, RelabelStatus.Pending, RelabelStatus.Labelled], store.List().Select(f => f.Status));
        Assert.Equal(6, store.Find(_ids[2])!.AnnotatorLabel);
    }

    [Fact]
    public async Task Import_With_Six_Bad_Labels_Reports_All_Six_With_Row_Column_And_Value()
    {
        var ids = await AddFramesAsync(6);
        string[] bad = ["9", "-1", "high", "3.5", "", "8"];
        string csv = _temp.File("labels.csv");
        await File.WriteAllLinesAsync(csv, ["path,label,id,annotator", .. ids.Select((id, i) => $"{id}.png,{bad[i]},{id},ann")]);

        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--data", _data);

        Assert.Equal(1, code);
        for (int i = 0; i < bad.Length; i++)
            Assert.Contains($"line {i + 2} (row {i + 1}), column 'label', value '{bad[i]}': is ", stderr, StringComparison.Ordinal);
        Assert.Equal(bad.Length + 1, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // six problems, then "nothing was imported"
        using var store = OpenStore();
        Assert.All(ids, id => Assert.Equal(RelabelStatus.Pending, store.Find(id)!.Status));
    }

    [Fact]
    public async Task Import_Of_A_File_Past_The_Row_Limit_Stops_Reading_At_The_Limit()
    {
        string csv = _temp.File("huge.csv");
        await using (var writer = new StreamWriter(csv))
        {
            await writer.WriteLineAsync("path,label,id,annotator");
            for (int i = 0; i < 100_000; i++)
                await writer.WriteLineAsync(i == 50_000 ? "\"unclosed,1,x,ann" : $"{i:x32}.png,1,{i:x32},ann");
        }

        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--max-rows", "1000", "--data", _data);

        Assert.Equal(1, code);
        Assert.Contains($"{csv}, line 1002 (row 1001): more than 1000 rows (1000 problem(s) in the rows before it); split the file, or raise the limit with --max-rows", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed", stderr, StringComparison.Ordinal); // row 50 001 was never read
        Assert.Equal(2, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Import_Of_100k_Rows_Is_Refused_By_The_Default_Limit()
    {
        string csv = _temp.File("huge.csv");
        await File.WriteAllLinesAsync(csv, ["path,label,id,annotator", .. Enumerable.Range(0, 100_000).Select(i => $"{i:x32}.png,1,{i:x32},ann")]);
        var (code, _, stderr) = await RunAsync("flags", "import", csv, "--data", _data);

        Assert.Equal(1, code);
        Assert.Contains($"more than {FlagsImporter.DefaultMaxRows} rows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Quotes_Formula_Cells_And_Import_Takes_The_Quote_Off_The_Annotator_Again()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/\",\"open\")";
        using (var store = OpenStore()) store.ApplyLabels([new AnnotatorLabel(_ids[0], 2, formula), new AnnotatorLabel(_ids[1], 3, "@SUM(1+1)")]);

        var (code, _, stderr) = await RunAsync("flags", "export", "--out", _temp.File("batch"), "--status", "all", "--data", _data);
        Assert.True(code == 0, stderr);
        string csv = _temp.File("batch/manifest.csv");
        var cells = DatasetManifestReader.Read(csv).Select(e => e.Extra["annotator"]).ToList();
        Assert.Equal(["'" + formula, "'@SUM(1+1)", "dr-a"], cells);

        (code, _, stderr) = await RunAsync("flags", "import", csv, "--data", _data);
        Assert.True(code == 0, stderr);
        using var reopened = OpenStore();
        Assert.Equal(formula, reopened.Find(_ids[0])!.Annotator);
        Assert.Equal("@SUM(1+1)", reopened.Find(_ids[1])!.Annotator);
    }

    [Fact]
    public async Task Import_Takes_The_Annotator_From_The_Option_When_The_Column_Is_Empty()
    {
        string csv = _temp.File("labels.csv");
        await File.WriteAllTextAsync(csv, $"path,label,id\n{_ids[0]}.png,1,{_ids[0]}\n");
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

    private async Task<string[]> AddFramesAsync(int count)
    {
        using var store = OpenStore();
        var before = store.List().Select(f => f.Id).ToHashSet();
        for (int i = 0; i < count; i++)
            await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate($"extra{i}", T0.AddHours(1).AddMinutes(i)), SqliteFlaggedFrameStore_Tests.Png(300 + i));
        return [.. store.List().Select(f => f.Id).Where(id => !before.Contains(id))];
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
