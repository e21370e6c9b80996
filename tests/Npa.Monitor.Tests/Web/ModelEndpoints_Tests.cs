using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Npa.Monitor.Models.Promotion;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Web;

[SupportedOSPlatform("linux")]
public sealed class ModelEndpoints_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Api_Models_Gives_The_Serving_Model_And_The_History_Newest_First()
    {
        await using var monitor = await TestMonitor.StartAsync();
        string history = new ModelSlots(Path.Combine(monitor.DataFolder, "models", "demo")).History;
        ModelHistory.Append(history, new ModelHistoryEntry(T0, ModelAction.Promote, "cand@11111111", new string('1', 64), "test-model-1", "ops@host"));
        ModelHistory.Append(history, new ModelHistoryEntry(T0.AddMinutes(3), ModelAction.Rollback, "test-model-1", new string('2', 64), "cand@11111111", "ops@host"));
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };

        var body = JsonNode.Parse(await http.GetStringAsync(new Uri("api/models", UriKind.Relative)))!;

        Assert.Equal("test-model-1", body["serving"]!.GetValue<string>());
        var rows = body["history"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("rollback", "test-model-1", "cand@11111111"), (rows[0]!["action"]!.GetValue<string>(), rows[0]!["modelId"]!.GetValue<string>(), rows[0]!["fromId"]!.GetValue<string>()));
        Assert.Equal(("promote", "cand@11111111", "ops@host"), (rows[1]!["action"]!.GetValue<string>(), rows[1]!["modelId"]!.GetValue<string>(), rows[1]!["by"]!.GetValue<string>()));
        Assert.Equal(T0, rows[1]!["time"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Api_Models_Without_A_History_File_Gives_An_Empty_History()
    {
        await using var monitor = await TestMonitor.StartAsync();
        using var http = new HttpClient { BaseAddress = monitor.BaseUri };

        var body = JsonNode.Parse(await http.GetStringAsync(new Uri("api/models", UriKind.Relative)))!;

        Assert.Equal("test-model-1", body["serving"]!.GetValue<string>());
        Assert.Empty(body["history"]!.AsArray());
    }
}
