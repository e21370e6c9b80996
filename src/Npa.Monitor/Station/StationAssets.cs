using Npa.Monitor.Web;

namespace Npa.Monitor.Station;

/// <summary>The ward page's static files. The alarm sound is made with Web Audio, so the policy needs nothing beyond 'self'.</summary>
internal static class StationAssets
{
    /// <summary>The embedded page.</summary>
    public static EmbeddedPage Page { get; } = new("station", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["ward.js"] = "text/javascript; charset=utf-8",
        ["ward.css"] = "text/css; charset=utf-8",
    }, cacheControl: "no-cache");
}
