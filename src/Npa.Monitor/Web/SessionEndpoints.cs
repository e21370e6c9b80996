using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Npa.Monitor.Web;

/// <summary>Turns the dashboard token into the page's session cookie, so that EventSource (which sends no headers) can stream.</summary>
public static class SessionEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/session</c>: with <c>Authorization: Bearer &lt;token&gt;</c> it answers 204 and sets an HttpOnly,
    /// SameSite=Strict cookie (Secure over HTTPS) that lasts until the browser closes or the token changes; else 401.
    /// The header cannot come from a form on another site, so no other site can sign a browser in.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardSession(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/session", (HttpContext context, BearerToken token) =>
        {
            if (token.SessionValue is not { } session || !token.Accepts(context.Request.Headers.Authorization))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                string error = token.IsConfigured ? "the token is not the dashboard token" : "no Web:TokenFile is configured";
                return Results.Json(new { error }, WebJson.Options, statusCode: StatusCodes.Status401Unauthorized);
            }
            context.Response.Cookies.Append(DashboardAccess.CookieName, session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            return Results.NoContent();
        });
        return app;
    }
}
