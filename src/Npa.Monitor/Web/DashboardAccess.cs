using System.Net;
using Microsoft.AspNetCore.Http;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Web;

/// <summary>
/// Who may read patient data. On a loopback bind, anyone on this machine (the default demo needs no token). Off
/// loopback, only a request carrying the dashboard token: as <c>Authorization: Bearer</c> (scripts, Prometheus) or as
/// the session cookie that <c>POST /api/session</c> gives the dashboard page for it (EventSource cannot send headers).
/// </summary>
public sealed class DashboardAccess
{
    /// <summary>Name of the dashboard's session cookie.</summary>
    public const string CookieName = "npa_session";

    private readonly BearerToken _token;

    public DashboardAccess(WebOptions options, BearerToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        _token = token ?? throw new ArgumentNullException(nameof(token));
        // An address that does not parse fails options validation before anything listens.
        TokenRequired = !IPAddress.TryParse(options.BindAddress, out var address) || !IPAddress.IsLoopback(address);
    }

    /// <summary>True when patient data needs the token (the server binds off loopback).</summary>
    public bool TokenRequired { get; }

    /// <summary>True when <paramref name="request"/> may read patient data.</summary>
    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !TokenRequired || _token.Accepts(request.Headers.Authorization) || _token.AcceptsSession(request.Cookies[CookieName]);
    }
}
