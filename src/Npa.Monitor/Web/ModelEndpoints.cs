using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;
using Npa.Monitor.Models.Promotion;

namespace Npa.Monitor.Web;

/// <summary>Maps <c>/api/models</c>: the serving model and the promotion/rollback history beside the watched package.</summary>
public static class ModelEndpoints
{
    /// <summary>Most history lines the page gets, newest first.</summary>
    public const int HistoryLimit = 50;

    /// <summary>Maps the endpoint, behind the dashboard token like the other data (the history names who promoted).</summary>
    public static IEndpointRouteBuilder MapModelInfo(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/models", (MonitorService monitor, IOptions<InferenceOptions> inference) =>
        {
            IReadOnlyList<ModelHistoryEntry> history;
            try
            {
                history = ModelHistory.Read(new ModelSlots(inference.Value.ModelPath).History);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return Results.Json(new { serving = monitor.ModelId, error = ex.Message }, WebJson.Options, statusCode: StatusCodes.Status500InternalServerError);
            }
            var newest = history.Reverse().Take(HistoryLimit).Select(e => new
            {
                time = e.Time,
                action = e.Action == ModelAction.Promote ? "promote" : "rollback",
                modelId = e.ModelId,
                sha256 = e.Sha256,
                fromId = e.FromId,
                by = e.By,
            });
            return Results.Json(new { serving = monitor.ModelId, history = newest }, WebJson.Options);
        }).WithMetadata(new PatientData());
        return app;
    }
}
