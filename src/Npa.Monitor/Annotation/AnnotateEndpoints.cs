using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npa.Monitor.Storage;
using Npa.Monitor.Web;

namespace Npa.Monitor.Annotation;

/// <summary>The annotator page and its API: login, the queue, crops, answers, the audit and agreement.</summary>
public static class AnnotateEndpoints
{
    /// <summary>Maps the page (no patient data in it) and <c>/api/*</c>, every patient-data path behind <see cref="AnnotatorSessionFilter"/>.</summary>
    public static IEndpointRouteBuilder MapAnnotate(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", (HttpContext ctx) => AnnotateAssets.Page.ServeAsync(ctx, "index.html"));
        foreach (var name in AnnotateAssets.Page.Names.Where(n => n != "index.html"))
            app.MapGet("/" + name, (HttpContext ctx) => AnnotateAssets.Page.ServeAsync(ctx, name));
        app.MapPost("/api/login", Login);
        app.MapPost("/api/logout", (HttpContext ctx, AnnotatorSessions sessions) =>
        {
            sessions.End(ctx.Request.Cookies[AnnotatorSessionFilter.CookieName]);
            ctx.Response.Cookies.Delete(AnnotatorSessionFilter.CookieName);
            return Results.NoContent();
        });

        var api = app.MapGroup("/api").AddEndpointFilter<AnnotatorSessionFilter>();
        api.MapGet("/me", (HttpContext ctx, AnnotationDesk desk) =>
            Results.Json(new { annotator = AnnotatorSessionFilter.AnnotatorOf(ctx), desk.RequiredAnnotators }, WebJson.Options));
        api.MapGet("/frames", (HttpContext ctx, AnnotationDesk desk, AnnotationCamSource cams) =>
            Results.Json(new { frames = desk.QueueFor(AnnotatorSessionFilter.AnnotatorOf(ctx)).Select(f => AnnotationViews.Frame(f, cams.Cams)) }, WebJson.Options));
        api.MapGet("/frames/{id}/crop", Crop);
        api.MapGet("/frames/{id}/cam/{branch:int}", Cam);
        api.MapPost("/frames/{id}/answer", (HttpContext ctx, AnnotationDesk desk, string id, AnswerRequest body) =>
        {
            if (!AnnotationValue.TryParse(body.Value, out var value))
                return Results.Json(new { error = $"answer '{body.Value}' is not a NIPS level 0–7 or {AnnotationValue.CannotTellCode}" }, WebJson.Options, statusCode: StatusCodes.Status400BadRequest);
            try
            {
                return Results.Json(AnnotationViews.Audit(desk.Answer(id, AnnotatorSessionFilter.AnnotatorOf(ctx), value)), WebJson.Options);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Json(new { error = ex.Message }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);
            }
        });
        api.MapGet("/audit", (AnnotationDesk desk, string? frame) =>
            Results.Json(new { rows = desk.Ledger.Audit(frame).Select(AnnotationViews.Audit) }, WebJson.Options));
        api.MapGet("/agreement", (AnnotationDesk desk) =>
            Results.Json(new { pairs = AgreementPair.From(desk.Ledger.AllAnswers()) }, WebJson.Options));
        return app;
    }

    private static IResult Login(HttpContext ctx, AnnotatorPasswordFile users, AnnotatorSessions sessions, LoginThrottle throttle, LoginRequest body)
    {
        if (throttle.IsBlocked(body.Annotator))
        {
            ctx.Response.Headers.RetryAfter = ((int)LoginThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { error = "too many failed logins; wait a minute" }, WebJson.Options, statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (!users.Verify(body.Annotator, body.Password))
        {
            throttle.Failed(body.Annotator);
            return Results.Json(new { error = "unknown annotator or wrong password" }, WebJson.Options, statusCode: StatusCodes.Status401Unauthorized);
        }
        throttle.Succeeded(body.Annotator!);
        ctx.Response.Cookies.Append(AnnotatorSessionFilter.CookieName, sessions.Start(body.Annotator!), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = ctx.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return Results.NoContent();
    }

    private static async Task<IResult> Cam(AnnotationDesk desk, AnnotationCamSource source, string id, int branch, CancellationToken ct)
    {
        if (source.Cams is not { } cams)
            return Results.Json(new { error = "no CAM: annotate was started without --model" }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);
        if (desk.Store.Find(id) is not { } frame)
            return Results.Json(new { error = $"no flagged frame '{id}'" }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);
        if (branch < 0 || branch >= cams.Branches.Count)
            return Results.Json(new { error = $"branch {branch} is not 0..{cams.Branches.Count - 1}" }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);
        try
        {
            return Results.Bytes(cams.Overlay(await desk.Store.ReadCropAsync(frame, ct).ConfigureAwait(false), branch, frame.PredictedLevel), "image/png");
        }
        catch (CropUnreadableException ex)
        {
            return Results.Json(new { error = ex.Message }, WebJson.Options, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<IResult> Crop(AnnotationDesk desk, string id, CancellationToken ct)
    {
        if (desk.Store.Find(id) is not { } frame)
            return Results.Json(new { error = $"no flagged frame '{id}'" }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);
        try
        {
            return Results.Bytes(await desk.Store.ReadCropAsync(frame, ct).ConfigureAwait(false), "image/png");
        }
        catch (CropUnreadableException ex)
        {
            return Results.Json(new { error = ex.Message }, WebJson.Options, statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
