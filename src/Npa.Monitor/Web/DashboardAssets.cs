using Microsoft.AspNetCore.Http;

namespace Npa.Monitor.Web;

/// <summary>The dashboard's static files, embedded in the assembly (no CDN, no npm).</summary>
internal static class DashboardAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    };

    /// <summary>Serves one embedded file with a strict content security policy.</summary>
    public static async Task ServeAsync(HttpContext context, string name)
    {
        var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("dashboard/" + name);
        if (stream is null || !ContentTypes.TryGetValue(name, out var type))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = type;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Names of the embedded files.</summary>
    public static IEnumerable<string> Names => ContentTypes.Keys;
}
