using Microsoft.AspNetCore.Http;

namespace Npa.Monitor.Annotation;

/// <summary>The annotator page's static files, embedded in the assembly (no CDN, no npm).</summary>
internal static class AnnotateAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["annotate.js"] = "text/javascript; charset=utf-8",
        ["annotate.css"] = "text/css; charset=utf-8",
    };

    /// <summary>Names of the embedded files.</summary>
    public static IEnumerable<string> Names => ContentTypes.Keys.Where(n => n != "index.html");

    /// <summary>Serves one embedded file with a strict content security policy.</summary>
    public static async Task ServeAsync(HttpContext context, string name)
    {
        var stream = typeof(AnnotateAssets).Assembly.GetManifestResourceStream("annotate/" + name);
        if (stream is null || !ContentTypes.TryGetValue(name, out var type))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = type;
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
