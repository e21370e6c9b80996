using System.Buffers;
using MQTTnet;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Storage;
using Npa.Shared.Messages;

namespace Npa.Monitor.Mqtt;

/// <summary>
/// The bed claim: retained on <c>{prefix}/monitors/{instance}/claim</c> at every connect (cleared on a clean stop),
/// and every other instance's claim read back, so that a bed configured on two instances is found by both. Each
/// reports it on its own retained <c>…/conflict</c> topic, in its log, and on its dashboard.
/// </summary>
public sealed partial class MqttAssessmentPublisher
{
    private BedClaimWatch _claims = null!;
    private long _claimSeq;

    /// <summary>This instance's claim and the conflicts seen so far.</summary>
    public BedClaimWatch Claims => _claims;

    private void SetUpClaims(IEnumerable<string> beds, TimeProvider time)
    {
        _claims = new BedClaimWatch(_options.InstanceId, beds);
        _link.AnnounceOnConnect(_topics.Monitor(_options.InstanceId, MonitorTopicKind.Claim),
            () => MqttJson.Serialize(_claims.Claim(Interlocked.Increment(ref _claimSeq), time.GetUtcNow())));
        _link.SubscribeOnConnect(_topics.AllMonitors(MonitorTopicKind.Claim), m => OnClaim(m, time));
        // A conflict retained by the last run is not known to hold any more: start from none, and let the claims tell.
        StoreConflicts(time.GetUtcNow());
    }

    private Task OnClaim(MqttApplicationMessage message, TimeProvider time)
    {
        if (!_topics.TryParseMonitorTopic(message.Topic, out string other, out _)) return Task.CompletedTask;
        IReadOnlyList<string>? beds = null;
        if (message.Payload.Length > 0)
        {
            var claim = MqttJson.Deserialize<BedClaimMessage>(message.Payload.ToArray());
            if (claim.MonitorId != other)
                throw new InvalidDataException($"the claim names monitor '{claim.MonitorId}' but was published for '{other}'");
            beds = claim.Beds;
        }
        var fresh = _claims.Observe(other, beds, out bool changed);
        foreach (var conflict in fresh)
            _logger.LogError("bed {Bed} is claimed by this monitor ({Instance}) and by {Others}: two monitors publish for one bed; give each bed to one instance (Beds) or give each instance its own Mqtt:InstanceId",
                conflict.BedId, _options.InstanceId, string.Join(", ", conflict.ClaimedBy));
        if (!changed) return Task.CompletedTask;
        if (_claims.Conflicts.Count == 0) _logger.LogInformation("no bed of this monitor ({Instance}) is claimed by another instance any more", _options.InstanceId);
        StoreConflicts(time.GetUtcNow());
        return Task.CompletedTask;
    }

    private void StoreConflicts(DateTimeOffset now)
    {
        var conflicts = _claims.Conflicts;
        Store(OutboxKind.Status, _topics.Monitor(_options.InstanceId, MonitorTopicKind.Conflict),
            seq => new BedConflictMessage { MonitorId = _options.InstanceId, Seq = seq, Time = now, Conflicts = conflicts }, retain: true);
    }
}
