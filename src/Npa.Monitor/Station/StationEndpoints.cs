using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npa.Monitor.Web;
using Npa.Shared.Messages;

namespace Npa.Monitor.Station;

/// <summary>The ward page, its data (<c>/api/ward</c>, <c>/api/ward/events</c>) and the alarm commands (<c>POST /api/beds/{bed}/{command}</c>).</summary>
public static class StationEndpoints
{
    private const int MaxNurseLength = 64;

    /// <summary>Maps every endpoint of the station.</summary>
    public static IEndpointRouteBuilder MapStation(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", (WardBoard board) => Results.Json(
            new { status = board.BrokerConnected ? "ok" : "degraded", monitors = board.Monitors().Count, beds = board.Beds().Count }, WebJson.Options,
            statusCode: board.BrokerConnected ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/api/ward", (WardBoard board, IOptions<StationOptions> options) => Results.Json(new
        {
            beds = board.Beds(withHistory: true), monitors = board.Monitors(), alerts = board.RecentAlerts(),
            connected = board.BrokerConnected, canCommand = CanCommand(options.Value),
        }, WebJson.Options));
        app.MapGet("/api/ward/events", StreamAsync);
        app.MapPost("/api/beds/{bed}/{command}", CommandAsync);
        app.MapGet("/", (HttpContext ctx) => StationAssets.Page.ServeAsync(ctx, "index.html"));
        foreach (var name in StationAssets.Page.Names)
            app.MapGet("/" + name, (HttpContext ctx) => StationAssets.Page.ServeAsync(ctx, name));
        return app;
    }

    /// <summary>Anonymous stations may read but never command: every broker refuses them, so the page does not offer it.</summary>
    private static bool CanCommand(StationOptions options) => !string.IsNullOrWhiteSpace(options.Username);

    private static async Task<IResult> CommandAsync(string bed, string command, HttpContext context, WardBoard board, StationMqttClient client, IOptions<StationOptions> options)
    {
        // A page on another site may post to loopback, but it cannot send a JSON body without a CORS preflight,
        // which this server never grants; and a browser's Origin names the site.
        if (!context.Request.HasJsonContentType()) return Problem(StatusCodes.Status415UnsupportedMediaType, "send the command as application/json");
        if (context.Request.Headers.Origin is [{ } origin] && !SameOrigin(origin, context.Request))
            return Problem(StatusCodes.Status403Forbidden, $"commands come from the ward page itself, not from {origin}");
        var topics = new MqttTopics(options.Value.TopicPrefix);
        if (!topics.TryParseCommandTopic($"{topics.Prefix}/beds/{bed}/set/{command}", out _, out var kind))
            return Problem(StatusCodes.Status404NotFound, $"'{command}' is not a command (ack, silence, hold, resume) or '{bed}' is not a bed id");
        if (!board.Knows(bed)) return Problem(StatusCodes.Status404NotFound, $"no monitor has reported bed '{bed}'");
        if (!CanCommand(options.Value)) return Problem(StatusCodes.Status403Forbidden, "this station has no broker user (Station:Username), so it may not send commands");
        StationCommandRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<StationCommandRequest>(WebJson.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, $"the body is not a command request: {ex.Message}");
        }
        body ??= new StationCommandRequest(null, null);
        if (body.Nurse is { } nurse && (nurse.Trim().Length > MaxNurseLength || nurse.Any(c => char.IsControl(c) || c is '/' or '+' or '#')))
            return Problem(StatusCodes.Status400BadRequest, $"nurse must be at most {MaxNurseLength} characters without '/', '+', '#' or control characters");
        int? minutes = null;
        string? episode = null;
        switch (kind)
        {
            case BedCommandKind.Silence or BedCommandKind.Hold:
                if (body.Minutes is not (>= 1 and <= BedCommandMessage.MaxMinutes))
                    return Problem(StatusCodes.Status400BadRequest, $"minutes must be 1 to {BedCommandMessage.MaxMinutes}");
                minutes = body.Minutes;
                break;
            case BedCommandKind.Acknowledge:
                episode = board.RunningEpisode(bed);
                if (episode is null) return Problem(StatusCodes.Status409Conflict, $"bed '{bed}' has no running pain episode to acknowledge");
                break;
        }
        var outcome = await client.SendAsync(bed, kind, minutes, episode, body.Nurse, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Sent) return Results.Json(outcome, WebJson.Options, statusCode: StatusCodes.Status202Accepted);
        return Results.Json(outcome, WebJson.Options, statusCode: client.IsConnected ? StatusCodes.Status403Forbidden : StatusCodes.Status503ServiceUnavailable);
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && uri.Scheme == request.Scheme;

    private static IResult Problem(int status, string detail) => Results.Json(new { error = detail }, WebJson.Options, statusCode: status);

    private static async Task StreamAsync(HttpContext context, WardBoard board, IHostApplicationLifetime lifetime)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var subscription = board.Subscribe();
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
            // The page went away or the station is stopping.
        }
    }
}
