using System.CommandLine;
using System.Text.Json.Nodes;
using Npa.Monitor.Models;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Models.Promotion;

public sealed class ModelsPromotionCommands_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Promote_Then_History_Prints_A_Table_And_Json()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        string a = PromotionFolder.ServedId("tiny-a"), b = PromotionFolder.ServedId("tiny-b");

        var promote = await RunAsync("models", "promote", folder.Candidate("tiny-b"), "--model", folder.ModelPath, "--by", "ops@host");
        var table = await RunAsync("models", "history", "--model", folder.ModelPath);
        var json = await RunAsync("models", "history", "--model", folder.ModelPath, "--json");

        Assert.Equal((0, ""), (promote.Code, promote.Stderr));
        Assert.Equal($"promote: now installed {b} (was {a}), sha256 {PromotionFolder.Sha256}; a running monitor swaps it in at its next batch", promote.Stdout.Trim());
        string[] lines = table.Stdout.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^time \(UTC\) +action +model +sha256 +from +by$", lines[0]);
        Assert.Equal($"2026-12-03 08:00:00  promote  {b}  {PromotionFolder.Sha256[..12]}  {a}  ops@host", lines[1]);
        var row = Assert.Single(JsonNode.Parse(json.Stdout)!.AsArray())!;
        Assert.Equal("promote", row["action"]!.GetValue<string>());
        Assert.Equal(b, row["model_id"]!.GetValue<string>());
        Assert.Equal(a, row["from_id"]!.GetValue<string>());
        Assert.Equal(PromotionFolder.Sha256, row["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tampered_Promote_Exits_1_With_The_Sha256_Refusal()
    {
        using var folder = new PromotionFolder();
        PromotionFolder.Package(folder.ModelPath, "tiny-a");
        string candidate = folder.Candidate("tiny-b");
        await File.AppendAllTextAsync(Path.Combine(candidate, "model.onnx"), "x");

        var run = await RunAsync("models", "promote", candidate, "--model", folder.ModelPath);

        Assert.Equal(1, run.Code);
        Assert.StartsWith("npa-monitor models promote: promote refused: model package ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("model.onnx has sha256 ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("no promotion or rollback recorded yet", (await RunAsync("models", "history", "--model", folder.ModelPath)).Stdout.Trim());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { ModelsCommand.Create(new ManualClock(T0)) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
