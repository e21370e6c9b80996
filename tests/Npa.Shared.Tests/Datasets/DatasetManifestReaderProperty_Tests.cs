using Npa.PropertyTesting;
using Npa.Shared.Datasets;
using Npa.Shared.Tests.TestSupport;
using Xunit.Abstractions;

namespace Npa.Shared.Tests.Datasets;

/// <summary>Dataset manifests near a valid one: every input is read or refused with a manifest error naming line and column, never another exception.</summary>
public sealed class DatasetManifestReaderProperty_Tests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Header = ["path", "label", "clean_label", "subject", "split", "occluded", "note"];

    private static readonly string[][] Rows =
    [
        ["a.png", "3", "3", "s1", "train", "0", "ok"],
        ["b.png", "0", "1", "s1", "val", "yes", ""],
        ["./c.png", "7", "", "s2", "test", "false", "x"],
        ["d.png", "5", "5", "", "", "", ""],
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Any_Near_Valid_Manifest_Is_Read_Or_Refused_With_A_Manifest_Error()
    {
        _dir.Touch("a.png", "b.png", "c.png", "d.png");
        string csv = _dir.File("manifest.csv");
        long ran = PropertyRun.Check(CsvMutator.Near(Header, Rows), text =>
        {
            File.WriteAllText(csv, text);
            try
            {
                var entries = DatasetManifestReader.Read(csv);
                Assert.All(entries, e => Assert.InRange(e.Label, 0, 7));
            }
            catch (DatasetManifestException ex)
            {
                Assert.StartsWith(csv, ex.Message, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(ex.Reason), ex.Message);
                // A bad row or header is located; only a missing file has no line.
                Assert.True(ex.LineNumber is > 0, ex.Message);
                Assert.All(ex.Problems, p => Assert.Contains($"line {p.LineNumber}: {p.Reason}", ex.Message, StringComparison.Ordinal));
            }
        }, output.WriteLine);
        Assert.Equal(PropertyRun.DefaultCases, ran);
    }

    [Fact]
    public void Every_Bad_Row_Is_Reported_Not_Only_The_First()
    {
        _dir.Touch("a.png", "b.png", "c.png");
        string csv = _dir.Write("m.csv", "path,label\na.png,9\nb.png,3\nc.png,x\nmissing.png,2\na.png,1\n");

        var ex = Assert.Throws<DatasetManifestException>(() => DatasetManifestReader.Read(csv));

        Assert.Equal(2, ex.LineNumber);
        Assert.Equal([2, 4, 5, 6], ex.Problems.Select(p => p.LineNumber ?? 0));
        Assert.Contains("4 rows have problems", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: label 'x' is not an integer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: duplicate path 'a.png' (first on line 2)", ex.Message, StringComparison.Ordinal);
    }
}
