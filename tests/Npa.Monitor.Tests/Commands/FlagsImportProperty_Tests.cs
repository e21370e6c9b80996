using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Npa.Monitor.Commands;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;
using Npa.PropertyTesting;
using Xunit.Abstractions;

namespace Npa.Monitor.Tests.Commands;

/// <summary>Annotator CSVs near an honest export: each imports, or is refused with problems that locate the line and name the column.</summary>
[SupportedOSPlatform("linux")]
public sealed class FlagsImportProperty_Tests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Any_Near_Valid_Csv_Imports_Or_Is_Refused_Naming_Line_And_Column()
    {
        using var store = new SqliteFlaggedFrameStore(new FlaggedStoreOptions { Folder = _temp.File("flagged"), MinIntervalPerBed = TimeSpan.Zero });
        for (int i = 0; i < 3; i++)
            await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate($"bed{i}", T0.AddMinutes(i)), SqliteFlaggedFrameStore_Tests.Png(300 + i));
        string[] header = ["path", "label", "id", "bed", "annotator"];
        var rows = store.List().Select(f => (IReadOnlyList<string>)[$"./{f.PngFileName}", "4", f.Id, f.Bed, "dr-a"]).ToList();
        string csv = _temp.File("manifest.csv");
        long refused = 0;

        long ran = PropertyRun.Check(CsvMutator.Near(header, rows), text =>
        {
            File.WriteAllText(csv, text);
            try
            {
                var labels = FlagsImporter.Import(store, csv, maxRows: 20);
                Assert.All(labels, l => Assert.NotNull(store.Find(l.Id)));
            }
            catch (FlagsImportException ex)
            {
                refused++;
                Assert.NotEmpty(ex.Problems);
                Assert.EndsWith("nothing was imported", ex.Message, StringComparison.Ordinal);
                foreach (var p in ex.Problems)
                {
                    Assert.True(p.Line is > 0, p.ToString());
                    Assert.True(p.Column is not null || RowLevel(p.Reason), p.ToString());
                }
            }
        }, output.WriteLine);
        output.WriteLine($"refused: {refused}");
        Assert.Equal(PropertyRun.DefaultCases, ran);
        Assert.InRange(refused, ran / 3, ran);
    }

    // Problems of a whole row or file, where no one column is at fault.
    private static bool RowLevel(string reason) =>
        reason.Contains("fields as in the header", StringComparison.Ordinal) || reason.StartsWith("malformed CSV", StringComparison.Ordinal)
        || reason.Contains("rows", StringComparison.Ordinal) || reason.StartsWith("column ", StringComparison.Ordinal);
}
