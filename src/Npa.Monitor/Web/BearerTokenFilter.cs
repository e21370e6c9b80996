using Microsoft.AspNetCore.Http;

namespace Npa.Monitor.Web;

/// <summary>Endpoint filter answering 401 unless the request carries the configured bearer token.</summary>
public sealed class BearerTokenFilter(BearerToken token) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (token.Accepts(context.HttpContext.Request.Headers.Authorization))
            return await next(context).ConfigureAwait(false);
        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        string error = token.IsConfigured ? "a valid bearer token is required" : "the flags API is closed: no Web:TokenFile is configured";
        return Results.Json(new { error }, WebJson.Options, statusCode: StatusCodes.Status401Unauthorized);
    }
}
