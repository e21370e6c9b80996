using Microsoft.AspNetCore.Http;

namespace Npa.Monitor.Web;

/// <summary>
/// One page's static files, embedded in the assembly under <c>{prefix}/</c> (no CDN, no npm), served with a strict content
/// security policy. The dashboard, the ward page and the annotator page each have one.
/// </summary>
/// <param name="resourcePrefix">The embedded resources' logical-name folder (the csproj's <c>LogicalName</c>).</param>
/// <param name="contentTypes">File name → content type; only these names are served.</param>
/// <param name="cacheControl">The Cache-Control header, or null to leave the one the page's middleware set.</param>
internal sealed class EmbeddedPage(string resourcePrefix, IReadOnlyDictionary<string, string> contentTypes, string? cacheControl)
{
    /// <summary>Names of the embedded files.</summary>
    public IEnumerable<string> Names => contentTypes.Keys;

    /// <summary>Serves one embedded file; 404 for a name the page does not have.</summary>
    public async Task ServeAsync(HttpContext context, string name)
    {
        var stream = typeof(EmbeddedPage).Assembly.GetManifestResourceStream(resourcePrefix + "/" + name);
        if (stream is null || !contentTypes.TryGetValue(name, out var type))
        {
            if (stream is not null) await stream.DisposeAsync().ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = type;
            if (cacheControl is not null) context.Response.Headers.CacheControl = cacheControl;
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
