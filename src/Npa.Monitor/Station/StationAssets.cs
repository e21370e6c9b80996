using Microsoft.AspNetCore.Http;

namespace Npa.Monitor.Station;

/// <summary>The ward page's static files, embedded in the assembly (no CDN, no npm).</summary>
internal static class StationAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["ward.js"] = "text/javascript; charset=utf-8",
        ["ward.css"] = "text/css; charset=utf-8",
    };

    /// <summary>Names of the embedded files.</summary>
    public static IEnumerable<string> Names => ContentTypes.Keys;

    /// <summary>Serves one embedded file with a strict content security policy.</summary>
    public static async Task ServeAsync(HttpContext context, string name)
    {
        var stream = typeof(StationAssets).Assembly.GetManifestResourceStream("station/" + name);
        if (stream is null || !ContentTypes.TryGetValue(name, out var type))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = type;
            context.Response.Headers.CacheControl = "no-cache";
            // The alarm sound is made with Web Audio, so nothing beyond 'self' is needed.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
