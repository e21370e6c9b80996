using Microsoft.AspNetCore.Http;
using Npa.Monitor.Web;

namespace Npa.Monitor.Annotation;

/// <summary>Endpoint filter answering 401 unless the request carries a live annotator session cookie; it names the annotator for the endpoint.</summary>
public sealed class AnnotatorSessionFilter(AnnotatorSessions sessions) : IEndpointFilter
{
    /// <summary>Name of the session cookie.</summary>
    public const string CookieName = "npa_annotator";

    private const string AnnotatorItem = "npa.annotator";

    /// <summary>The logged-in annotator of a request that passed this filter.</summary>
    public static string AnnotatorOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[AnnotatorItem] as string ?? throw new InvalidOperationException("the endpoint is not behind AnnotatorSessionFilter");
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (sessions.Find(http.Request.Cookies[CookieName]) is { } annotator)
        {
            http.Items[AnnotatorItem] = annotator;
            return await next(context).ConfigureAwait(false);
        }
        return Results.Json(new { error = "log in first: no annotator session" }, WebJson.Options, statusCode: StatusCodes.Status401Unauthorized);
    }
}
