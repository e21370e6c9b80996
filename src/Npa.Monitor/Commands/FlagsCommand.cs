using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Npa.Monitor.Configuration;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Commands;

/// <summary><c>npa-monitor flags export|import</c>: the data team's side of the flagged-frame store.</summary>
public static class FlagsCommand
{
    private const string DefaultConfigPath = "configs/monitor.json";

    /// <summary>Builds the <c>flags</c> command with its <c>export</c> and <c>import</c> sub-commands.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = $"Monitor config whose Storage:DataDirectory holds the store (default: {DefaultConfigPath} when present).", Recursive = true };
        var data = new Option<string?>("--data") { Description = "Storage:DataDirectory of the monitor (overrides the config).", Recursive = true };
        var flags = new Command("flags", "Export flagged frames for annotators and import their labels.") { config, data };
        flags.Subcommands.Add(Export(config, data));
        flags.Subcommands.Add(Import(config, data));
        return flags;
    }

    private static Command Export(Option<string?> config, Option<string?> data)
    {
        var outDir = new Option<string>("--out") { Description = "New folder for the crops and manifest.csv.", Required = true };
        var status = new Option<string>("--status") { Description = "Which frames: pending, exported, labelled or all.", DefaultValueFactory = _ => "pending" };
        status.AcceptOnlyFromAmong("pending", "exported", "labelled", "all");
        var export = new Command("export", "Write crops plus a dataset manifest CSV (path,label,id,bed,time,predicted_level,reasons,…).") { outDir, status };
        export.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            try
            {
                using var store = Open(result.GetValue(config), result.GetValue(data));
                var frames = await FlagsExporter.ExportAsync(store, result.GetRequiredValue(outDir), ParseStatus(result.GetRequiredValue(status)), ct);
                string folder = Path.GetFullPath(result.GetRequiredValue(outDir));
                await output.WriteLineAsync($"exported {frames.Count} flagged frame(s) to {Path.Combine(folder, FlagsExporter.ManifestFileName)}");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await error.WriteLineAsync($"npa-monitor flags export: {ex.Message}");
                return 1;
            }
        });
        return export;
    }

    private static Command Import(Option<string?> config, Option<string?> data)
    {
        var file = new Argument<string>("FILE.csv") { Description = "Manifest from 'flags export' with the annotators' labels." };
        var annotator = new Option<string?>("--annotator") { Description = "Annotator for rows whose annotator column is empty." };
        var maxRows = new Option<int>("--max-rows") { Description = $"Refuse a file of more data rows than this (default {FlagsImporter.DefaultMaxRows}).", DefaultValueFactory = _ => FlagsImporter.DefaultMaxRows };
        maxRows.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-rows must be at least 1"); });
        var import = new Command("import", "Record annotators' labels; every bad row is listed (line, column, value, why) and nothing is applied.") { file, annotator, maxRows };
        import.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            try
            {
                using var store = Open(result.GetValue(config), result.GetValue(data));
                var labels = FlagsImporter.Import(store, result.GetRequiredValue(file), result.GetValue(annotator), result.GetValue(maxRows));
                await output.WriteLineAsync($"imported {labels.Count} label(s) into {store.Folder}");
                return 0;
            }
            catch (Exception ex) when (ex is FlagsImportException or InvalidOperationException or IOException or ArgumentException)
            {
                await error.WriteLineAsync($"npa-monitor flags import: {ex.Message}");
                return 1;
            }
        });
        return import;
    }

    /// <summary>Opens the store named by a monitor config or a data folder, as every data-team command does (flags, annotate).</summary>
    internal static SqliteFlaggedFrameStore Open(string? configPath, string? dataDirectory)
    {
        var storage = new StorageOptions();
        string? path = configPath ?? (File.Exists(DefaultConfigPath) ? DefaultConfigPath : null);
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            if (!File.Exists(path)) throw new InvalidOperationException($"--config: the file '{Path.GetFullPath(path)}' does not exist");
            builder.AddJsonFile(Path.GetFullPath(path), optional: false);
        }
        builder.AddEnvironmentVariables("NPA_").Build().GetSection(StorageOptions.Section).Bind(storage);
        if (dataDirectory is not null) storage.DataDirectory = dataDirectory;
        var options = FlaggedStoreOptions.From(storage, new FlaggingOptions());
        if (!File.Exists(Path.Combine(options.Folder, FlaggedStoreOptions.DatabaseFileName)))
            throw new InvalidOperationException($"no flagged-frame store at {Path.GetFullPath(options.Folder)} (Storage:DataDirectory is '{storage.DataDirectory}'; use --data or --config)");
        return new SqliteFlaggedFrameStore(options);
    }

    private static RelabelStatus? ParseStatus(string text) => text switch
    {
        "pending" => RelabelStatus.Pending,
        "exported" => RelabelStatus.Exported,
        "labelled" => RelabelStatus.Labelled,
        _ => null,
    };
}
