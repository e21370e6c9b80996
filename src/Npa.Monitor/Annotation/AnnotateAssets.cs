using Npa.Monitor.Web;

namespace Npa.Monitor.Annotation;

/// <summary>The annotator page's static files. Cache-Control is left to the page's no-store middleware.</summary>
internal static class AnnotateAssets
{
    /// <summary>The embedded page.</summary>
    public static EmbeddedPage Page { get; } = new("annotate", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["annotate.js"] = "text/javascript; charset=utf-8",
        ["annotate.css"] = "text/css; charset=utf-8",
    }, cacheControl: null);
}
