using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Inference;
using Npa.Shared.Datasets;

namespace Npa.Monitor.Models;

/// <summary><c>npa-monitor models gate|promote|rollback|history</c>: from a retrained candidate to the serving package.</summary>
public static class ModelsCommand
{
    /// <summary>Exit code when the gate refuses the candidate (0 promotes, 2 is bad input).</summary>
    public const int Refused = 3;

    /// <summary>Builds the <c>models</c> command.</summary>
    public static Command Create(TimeProvider? time = null)
    {
        var models = new Command("models", "Model packages: the validation gate, promotion, rollback and history.");
        models.Subcommands.Add(Gate());
        ModelsPromotionCommands.AddTo(models, time ?? TimeProvider.System);
        return models;
    }

    private static Command Gate()
    {
        var candidate = new Option<string>("--candidate") { Description = "Candidate package (folder or .zip).", Required = true };
        var serving = new Option<string>("--serving") { Description = "Serving package (folder or .zip).", Required = true };
        var data = new Option<string>("--data") { Description = "Held-out dataset manifest CSV (path,label,…).", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder for gate-report.md and gate-report.json.", DefaultValueFactory = _ => "artifacts/gate" };
        var d = new GateSettings();
        var accuracy = new Option<double>("--margin-accuracy") { Description = "How much lower the candidate's accuracy may be.", DefaultValueFactory = _ => d.MarginAccuracy };
        var mae = new Option<double>("--margin-mae") { Description = "How much higher the candidate's MAE may be, in NIPS points.", DefaultValueFactory = _ => d.MarginMae };
        var recall = new Option<double>("--margin-severe-recall") { Description = "How much lower the candidate's severe-band recall may be.", DefaultValueFactory = _ => d.MarginSevereRecall };
        var confidence = new Option<double>("--confidence") { Description = "Two-sided confidence of the bootstrap interval.", DefaultValueFactory = _ => d.Confidence };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => d.Resamples };
        var seed = new Option<int>("--seed") { Description = "Seed of the resampling.", DefaultValueFactory = _ => d.Seed };
        var gate = new Command("gate", $"Score both packages on the held-out set with the monitor's engine; exit 0 when the candidate is not worse (paired bootstrap), {Refused} when refused, 2 on bad input.")
        {
            candidate, serving, data, outDir, accuracy, mae, recall, confidence, resamples, seed,
        };
        gate.SetAction(result =>
        {
            var settings = new GateSettings
            {
                MarginAccuracy = result.GetValue(accuracy),
                MarginMae = result.GetValue(mae),
                MarginSevereRecall = result.GetValue(recall),
                Confidence = result.GetValue(confidence),
                Resamples = result.GetValue(resamples),
                Seed = result.GetValue(seed),
            };
            return RunGate(result.GetRequiredValue(candidate), result.GetRequiredValue(serving), result.GetRequiredValue(data), result.GetRequiredValue(outDir),
                settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
        return gate;
    }

    /// <summary>Runs the gate and writes its report; 0 promote, <see cref="Refused"/> refused, 2 bad input.</summary>
    public static int RunGate(string candidate, string serving, string data, string outDir, GateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var problems = settings.Validate();
        foreach (var p in problems) stderr.WriteLine($"npa-monitor models gate: {p}");
        if (problems.Count > 0) return 2;
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        GateReport report;
        try
        {
            report = ValidationGate.Run(candidate, serving, data, settings, loggers);
        }
        catch (Exception ex) when (ex is ModelPackageException or DatasetManifestException or ArgumentException or InvalidDataException or IOException)
        {
            stderr.WriteLine($"npa-monitor models gate: {ex.Message}");
            return 2;
        }
        GateReportWriter.Write(report, outDir);
        stdout.WriteLine(GateReportWriter.Summary(report));
        stdout.WriteLine($"  report: {Path.GetFullPath(Path.Combine(outDir, GateReportWriter.MarkdownFile))}");
        return report.Promote ? 0 : Refused;
    }
}
