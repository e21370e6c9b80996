using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npa.Shared.Messages;
using Npa.Shared.Tests.TestSupport;

namespace Npa.Shared.Tests.Messages;

/// <summary>Keeps the table in docs/mqtt/README.md true: topics as MqttTopics builds them, schemas as the records carry them, one row per payload record.</summary>
public sealed partial class MqttDocsTable_Tests
{
    private sealed record Row(string Topic, string Record, string Schema, string Example);

    private static List<Row> Rows()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "mqtt", "README.md"));
        return RowPattern().Matches(readme).Select(m => new Row(m.Groups["topic"].Value, m.Groups["record"].Value, m.Groups["schema"].Value, m.Groups["example"].Value)).ToList();
    }

    private static Type[] PayloadRecords() =>
        typeof(IMqttMessage).Assembly.GetTypes().Where(t => t.IsClass && typeof(IMqttMessage).IsAssignableFrom(t)).ToArray();

    // Every topic the code builds, for a sample bed, instance and command.
    private static HashSet<string> CodeTopics()
    {
        var t = new MqttTopics();
        var topics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<BedTopicKind>()) topics.Add(t.Bed("{bed}", kind));
        foreach (var kind in Enum.GetValues<MonitorTopicKind>()) topics.Add(t.Monitor("INSTANCE", kind).Replace("INSTANCE", "{instance}", StringComparison.Ordinal));
        // Commands share one record; the table names them with a {command} level.
        if (Enum.GetValues<BedCommandKind>().All(k => t.Command("{bed}", k).StartsWith("npa/beds/{bed}/set/", StringComparison.Ordinal)))
            topics.Add("npa/beds/{bed}/set/{command}");
        return topics;
    }

    [Fact]
    public void Every_Payload_Record_Has_One_Row()
    {
        var rows = Rows();
        Assert.NotEmpty(rows);
        Assert.Equal(PayloadRecords().Select(t => t.Name).Order(StringComparer.Ordinal), rows.Select(r => r.Record).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_Row_Names_The_Schema_Its_Record_And_Example_Carry()
    {
        var records = PayloadRecords().ToDictionary(t => t.Name);
        foreach (var row in Rows())
        {
            Assert.True(records.TryGetValue(row.Record, out var type), $"{row.Record} is not a payload record");
            Assert.Equal(row.Schema, (string?)type.GetField("SchemaName")!.GetValue(null));
            var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "mqtt", row.Example)))!;
            Assert.Equal(row.Schema, (string?)example["schema"]);
        }
    }

    [Fact]
    public void Each_Row_Topic_Is_One_The_Code_Builds()
    {
        var topics = CodeTopics();
        foreach (var row in Rows()) Assert.Contains(row.Topic, topics);
    }

    [GeneratedRegex(@"^\| `(?<topic>[^`]+)`(?: \(retained\))? \| `(?<record>\w+)` \| `(?<schema>npa\.[a-z]+/\d+)` \| \[[^\]]+\]\((?<example>[\w.]+\.json)\) \|$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
