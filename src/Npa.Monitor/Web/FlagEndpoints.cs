using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Web;

/// <summary>The flagged-frame API for the data team: list and crops, only with the bearer token.</summary>
public static class FlagEndpoints
{
    /// <summary>Maps <c>/api/flags</c> and <c>/api/flags/{id}/crop</c> behind <see cref="BearerTokenFilter"/>.</summary>
    public static IEndpointRouteBuilder MapFlagApi(this IEndpointRouteBuilder app)
    {
        var flags = app.MapGroup("/api/flags").AddEndpointFilter<BearerTokenFilter>();
        flags.MapGet("", (IFlaggedFrameStore store, string? status) =>
        {
            if (!TryParseStatus(status, out var filter))
                return Results.Json(new { error = $"status '{status}' is unknown; use pending, exported, labelled or all" }, WebJson.Options, statusCode: StatusCodes.Status400BadRequest);
            var frames = store.List(filter).Select(f => new
            {
                f.Id, f.Bed, f.Time, reasons = FlagReasonCodes.Format(f.Reasons), f.Probabilities, f.PredictedLevel,
                f.AlphaA, f.AlphaB, f.ModelId, status = f.Status.ToString().ToLowerInvariant(), f.AnnotatorLabel, f.Annotator,
                crop = $"/api/flags/{f.Id}/crop",
            });
            return Results.Json(new { count = store.Count, frames }, WebJson.Options);
        });
        flags.MapGet("/{id}/crop", async (IFlaggedFrameStore store, string id, CancellationToken ct) =>
        {
            if (store.Find(id) is not { } frame)
                return Results.Json(new { error = $"no flagged frame '{id}'" }, WebJson.Options, statusCode: StatusCodes.Status404NotFound);
            try
            {
                return Results.Bytes(await store.ReadCropAsync(frame, ct), "image/png");
            }
            catch (CropUnreadableException ex)
            {
                return Results.Json(new { error = ex.Message }, WebJson.Options, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
        return app;
    }

    private static bool TryParseStatus(string? text, out RelabelStatus? status)
    {
        status = null;
        switch (text)
        {
            case null or "" or "all": return true;
            case "pending": status = RelabelStatus.Pending; return true;
            case "exported": status = RelabelStatus.Exported; return true;
            case "labelled": status = RelabelStatus.Labelled; return true;
            default: return false;
        }
    }
}
