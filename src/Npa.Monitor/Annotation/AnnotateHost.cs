using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Monitor.Inference;
using Npa.Monitor.Storage;
using Npa.Monitor.Web;

namespace Npa.Monitor.Annotation;

/// <summary>Builds the web host of <c>npa-monitor annotate</c> over an open flagged-frame store (which the caller owns).</summary>
public static class AnnotateHost
{
    /// <summary>Validates <paramref name="options"/>, loads the password file and builds (does not start) the host.</summary>
    public static WebApplication Build(AnnotateOptions options, IFlaggedFrameStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate(time.GetUtcNow());
        var users = AnnotatorPasswordFile.Load(options.UsersFile);
        var web = options.AsWebOptions();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "npa-monitor-annotate", ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        var certificate = WebCertificate.IsConfigured(web) ? WebCertificate.Load(web) : null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.BindAddress), options.Port, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));
        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(store);
        services.AddSingleton(users);
        services.AddSingleton(new AnnotatorSessions(TimeSpan.FromHours(options.SessionHours), time));
        services.AddSingleton<AnnotatorSessionFilter>();
        services.AddSingleton(new LoginThrottle(time));
        services.AddSingleton(_ => new SqliteAnnotationLedger(options.StoreFolder));
        // Loaded before anything listens, so that a package without feature outputs stops start with its reason.
        var cams = options.ModelPath is { Length: > 0 } model ? new AnnotationCams(model, NullLogger<InferenceEngine>.Instance) : null;
        services.AddSingleton(_ => new AnnotationCamSource(cams)); // built by the container, so disposed with it
        services.AddSingleton(sp => new AnnotationDesk(store, sp.GetRequiredService<SqliteAnnotationLedger>(), options.RequiredAnnotators, time));
        services.AddHostFiltering(hosts =>
        {
            // The same DNS-rebinding guard as the dashboard: only names that lead to this machine.
            hosts.AllowedHosts = [.. AllowedHostList.For(web)];
            hosts.AllowEmptyHosts = false;
        });

        var app = builder.Build();
        app.UseHostFiltering();
        // Faces and labels must not linger in a browser or proxy cache: nothing this server sends is stored.
        app.Use((ctx, next) =>
        {
            ctx.Response.Headers.CacheControl = "no-store";
            ctx.Response.Headers.Pragma = "no-cache";
            return next(ctx);
        });
        app.UseRouting();
        app.MapAnnotate();
        // Build the ledger now, so that a store folder it cannot open fails here and not at the first request.
        app.Services.GetRequiredService<AnnotationDesk>();
        app.Services.GetRequiredService<AnnotationCamSource>();
        return app;
    }
}
