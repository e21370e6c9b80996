using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Npa.Monitor.Commands;
using Npa.Monitor.Inference;

namespace Npa.Monitor.Annotation;

/// <summary><c>npa-monitor annotate</c>: the annotator page over the flagged-frame store, and <c>annotate add-user</c> for its password file.</summary>
public static class AnnotateCommand
{
    /// <summary>Builds the <c>annotate</c> command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Monitor config whose Storage section names the store (default: configs/monitor.json when present)." };
        var data = new Option<string?>("--data") { Description = "Storage:DataDirectory of the monitor (overrides the config)." };
        var users = new Option<string>("--users") { Description = "Password file of the annotators (0600; 'annotate add-user' writes it).", Required = true, Recursive = true };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (off loopback needs --certificate).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = $"Port to listen on (default {AnnotateOptions.DefaultPort}).", DefaultValueFactory = _ => AnnotateOptions.DefaultPort };
        var required = new Option<int>("--required-annotators") { Description = "Annotators who must agree before a label is applied: 1, or 2 for double annotation.", DefaultValueFactory = _ => 1 };
        var hours = new Option<double>("--session-hours") { Description = "How long a login lasts (1–24 h).", DefaultValueFactory = _ => 12 };
        var model = new Option<string?>("--model") { Description = "Model package with feature outputs that draws each branch's CAM over the crops (e.g. the serving one)." };
        var certificate = new Option<string?>("--certificate") { Description = "PEM certificate for HTTPS." };
        var key = new Option<string?>("--certificate-key") { Description = "PEM key of the certificate, when not in the certificate file." };
        var annotate = new Command("annotate", "Serve the annotator page: flagged frames with crop, score, band, α and reasons, labelled NIPS 0–7 by keyboard, every answer audited.")
        {
            config, data, users, bind, port, required, hours, model, certificate, key,
        };
        annotate.Subcommands.Add(AddUser(users));
        annotate.SetAction(async (result, ct) =>
        {
            var error = result.InvocationConfiguration.Error;
            try
            {
                using var store = FlagsCommand.Open(result.GetValue(config), result.GetValue(data));
                var options = new AnnotateOptions
                {
                    StoreFolder = store.Folder, UsersFile = result.GetRequiredValue(users), BindAddress = result.GetRequiredValue(bind),
                    Port = result.GetValue(port), RequiredAnnotators = result.GetValue(required), SessionHours = result.GetValue(hours),
                    ModelPath = result.GetValue(model), CertificatePath = result.GetValue(certificate), CertificateKeyPath = result.GetValue(key),
                };
                await using var app = AnnotateHost.Build(options, store, TimeProvider.System);
                await app.StartAsync(ct);
                await result.InvocationConfiguration.Output.WriteLineAsync($"annotator page on {string.Join(", ", app.Urls)} for the store in {store.Folder}; Ctrl-C stops it");
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                foreach (string failure in ex.Failures) await error.WriteLineAsync($"npa-monitor annotate: {failure}");
                return 2;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException or ModelPackageException)
            {
                await error.WriteLineAsync($"npa-monitor annotate: {ex.Message}");
                return 1;
            }
        });
        return annotate;
    }

    private static Command AddUser(Option<string> users)
    {
        var name = new Argument<string>("NAME") { Description = "Annotator name (shown in the audit and the store's annotator column)." };
        var add = new Command("add-user", "Add an annotator to the password file; the password is read from the first line of standard input.") { name };
        add.SetAction(async (result, ct) =>
        {
            string? password = await Console.In.ReadLineAsync(ct);
            try
            {
                if (string.IsNullOrEmpty(password) || password.Length < 12)
                    throw new ArgumentException("the password (first line of standard input) must be at least 12 characters");
                AnnotatorPasswordFile.AddUser(result.GetRequiredValue(users), result.GetRequiredValue(name), password);
                await result.InvocationConfiguration.Output.WriteLineAsync($"added annotator '{result.GetRequiredValue(name)}' to {Path.GetFullPath(result.GetRequiredValue(users))}");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"npa-monitor annotate add-user: {ex.Message}");
                return 1;
            }
        });
        return add;
    }
}
