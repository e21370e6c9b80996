using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npa.Capture.Frames;
using Npa.Monitor.Hosting;
using Npa.Monitor.Metrics;
using Prometheus;

namespace Npa.Monitor.Web;

/// <summary>Maps /healthz, /metrics, /api/beds, /api/events (SSE), /api/monitor, /api/models, /api/session and the dashboard page.</summary>
public static class WebEndpoints
{
    /// <summary>Maps every public endpoint of the monitor.</summary>
    public static IEndpointRouteBuilder MapMonitorWeb(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", Health);
        // Patient data: PatientDataGate asks for the token on these when the server listens off loopback.
        app.MapMetrics("/metrics", app.ServiceProvider.GetRequiredService<MonitorMetrics>().Registry).WithMetadata(new PatientData());
        app.MapGet("/api/beds", (BedStateHub hub) => Results.Json(new { beds = hub.Beds(withHistory: true), alerts = hub.RecentAlerts() }, WebJson.Options))
            .WithMetadata(new PatientData());
        app.MapGet("/api/events", StreamAsync).WithMetadata(new PatientData());
        app.MapMonitorInfo();
        app.MapModelInfo();
        app.MapDashboardSession();
        app.MapFlagApi();
        app.MapGet("/", (HttpContext ctx) => DashboardAssets.Page.ServeAsync(ctx, "index.html"));
        foreach (var name in DashboardAssets.Page.Names)
            app.MapGet("/" + name, (HttpContext ctx) => DashboardAssets.Page.ServeAsync(ctx, name));
        return app;
    }

    private static IResult Health(MonitorService monitor)
    {
        var beds = monitor.Beds.Select(b => new { bed = b.BedId, camera = WireNames.Of(b.Camera), face = WireNames.Of(b.Face) }).ToList();
        string status = !monitor.IsRunning ? "stopped"
            : monitor.Beds.Any(b => b.Camera is CameraStatus.Offline or CameraStatus.Reconnecting) ? "degraded"
            : "ok";
        return Results.Json(new { status, model = monitor.ModelId, beds }, WebJson.Options,
            statusCode: monitor.IsRunning ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task StreamAsync(HttpContext context, BedStateHub hub, IHostApplicationLifetime lifetime)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var subscription = hub.Subscribe();
        try
        {
            await foreach (var frame in subscription.Frames.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await context.Response.WriteAsync(frame, stop.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the service is stopping.
        }
    }
}
