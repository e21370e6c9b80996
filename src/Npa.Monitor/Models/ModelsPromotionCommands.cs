using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Npa.Monitor.Configuration;
using Npa.Monitor.Models.Promotion;

namespace Npa.Monitor.Models;

/// <summary><c>npa-monitor models promote|rollback|history</c>: install a package into the monitor's watched model path.</summary>
internal static class ModelsPromotionCommands
{
    private const string DefaultConfigPath = "configs/monitor.json";

    /// <summary>Adds the three commands to <paramref name="models"/>; <paramref name="time"/> stamps the history.</summary>
    public static void AddTo(Command models, TimeProvider time)
    {
        var config = new Option<string?>("--config") { Description = $"Monitor config whose Inference:ModelPath is the watched package (default: {DefaultConfigPath} when present).", Recursive = true };
        var model = new Option<string?>("--model") { Description = "The watched package path (overrides the config's Inference:ModelPath).", Recursive = true };
        models.Options.Add(config);
        models.Options.Add(model);
        var by = new Option<string?>("--by") { Description = "Who installs, for the history (default: user@host)." };

        var package = new Argument<string>("PKG") { Description = "Package to install (folder or .zip); its manifest and sha256 are checked first." };
        var promote = new Command("promote", "Validate PKG and swap it in atomically; the running monitor hot-swaps it. The replaced package is kept for rollback.") { package, by };
        promote.SetAction(result => Run(result, "promote", config, model, path =>
            new ModelInstaller(time).Promote(result.GetRequiredValue(package), path, result.GetValue(by) ?? ModelInstaller.DefaultActor())));
        models.Subcommands.Add(promote);

        var rollback = new Command("rollback", "Swap the previous package back in (atomically), and record it.") { by };
        rollback.SetAction(result => Run(result, "rollback", config, model, path =>
            new ModelInstaller(time).Rollback(path, result.GetValue(by) ?? ModelInstaller.DefaultActor())));
        models.Subcommands.Add(rollback);

        var json = new Option<bool>("--json") { Description = "Print the history as a JSON array." };
        var history = new Command("history", "Print every promotion and rollback, oldest first.") { json };
        history.SetAction(result =>
        {
            try
            {
                var entries = ModelHistory.Read(new ModelSlots(ModelPath(result.GetValue(config), result.GetValue(model))).History);
                result.InvocationConfiguration.Output.WriteLine(result.GetValue(json) ? ModelHistory.ToJson(entries) : ModelHistoryTable.Format(entries));
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException)
            {
                result.InvocationConfiguration.Error.WriteLine($"npa-monitor models history: {ex.Message}");
                return 1;
            }
        });
        models.Subcommands.Add(history);
    }

    private static int Run(ParseResult result, string name, Option<string?> config, Option<string?> model, Func<string, ModelHistoryEntry> act)
    {
        try
        {
            var entry = act(ModelPath(result.GetValue(config), result.GetValue(model)));
            string from = entry.FromId is null ? "" : $" (was {entry.FromId})";
            result.InvocationConfiguration.Output.WriteLine($"{name}: now installed {entry.ModelId}{from}, sha256 {entry.Sha256}; a running monitor swaps it in at its next batch");
            return 0;
        }
        catch (Exception ex) when (ex is ModelInstallException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            result.InvocationConfiguration.Error.WriteLine($"npa-monitor models {name}: {ex.Message}");
            return 1;
        }
    }

    private static string ModelPath(string? configPath, string? modelPath)
    {
        if (modelPath is not null) return Path.GetFullPath(modelPath);
        var inference = new InferenceOptions();
        string? path = configPath ?? (File.Exists(DefaultConfigPath) ? DefaultConfigPath : null);
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            if (!File.Exists(path)) throw new InvalidOperationException($"--config: the file '{Path.GetFullPath(path)}' does not exist");
            builder.AddJsonFile(Path.GetFullPath(path), optional: false);
        }
        builder.AddEnvironmentVariables("NPA_").Build().GetSection(InferenceOptions.Section).Bind(inference);
        return Path.GetFullPath(inference.ModelPath);
    }
}
