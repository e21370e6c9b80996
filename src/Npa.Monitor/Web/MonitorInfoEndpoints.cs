using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.Web;

/// <summary>Maps <c>/api/monitor</c>: this instance's id and the beds another instance on the broker claims too.</summary>
public static class MonitorInfoEndpoints
{
    /// <summary>Maps the endpoint (patient data: bed ids).</summary>
    public static IEndpointRouteBuilder MapMonitorInfo(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/monitor", (MqttAssessmentPublisher mqtt) => Results.Json(new
        {
            instanceId = mqtt.Claims.InstanceId,
            beds = mqtt.Claims.Beds,
            conflicts = mqtt.Claims.Conflicts.Select(c => new { bed = c.BedId, claimedBy = c.ClaimedBy }),
        }, WebJson.Options)).WithMetadata(new PatientData());
        return app;
    }
}
