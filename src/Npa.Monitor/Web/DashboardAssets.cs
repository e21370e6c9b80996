namespace Npa.Monitor.Web;

/// <summary>The dashboard's static files.</summary>
internal static class DashboardAssets
{
    /// <summary>The embedded page.</summary>
    public static EmbeddedPage Page { get; } = new("dashboard", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    }, cacheControl: "no-cache");
}
