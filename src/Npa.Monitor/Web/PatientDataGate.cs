using Microsoft.AspNetCore.Http;

namespace Npa.Monitor.Web;

/// <summary>
/// Middleware after routing: answers 401 for an endpoint marked <see cref="PatientData"/> unless <see cref="DashboardAccess"/>
/// allows the request. A middleware rather than an endpoint filter, because /metrics is not a route handler.
/// </summary>
public sealed class PatientDataGate(RequestDelegate next, DashboardAccess access)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<PatientData>() is null || access.Allows(context.Request)) return next(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Json(new { error = "this monitor listens off loopback: patient data needs the dashboard token (Authorization: Bearer, or POST /api/session)" },
            WebJson.Options, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }
}
