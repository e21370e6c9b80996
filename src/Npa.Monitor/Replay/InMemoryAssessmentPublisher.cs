using Npa.Monitor.Mqtt;
using Npa.Shared.Messages;

namespace Npa.Monitor.Replay;

/// <summary>Keeps every message the MQTT message builders produce, in order, instead of sending it: what a subscriber would have seen.</summary>
public sealed class InMemoryAssessmentPublisher : IAssessmentPublisher
{
    private readonly Lock _gate = new();
    private readonly List<AssessmentMessage> _assessments = [];
    private readonly List<BedStateMessage> _states = [];
    private readonly List<AlertEventMessage> _alerts = [];
    private readonly List<BedStatusMessage> _statuses = [];
    private readonly List<StatsMessage> _stats = [];

    public IReadOnlyList<AssessmentMessage> Assessments => Copy(_assessments);

    public IReadOnlyList<BedStateMessage> States => Copy(_states);

    public IReadOnlyList<AlertEventMessage> Alerts => Copy(_alerts);

    public IReadOnlyList<BedStatusMessage> Statuses => Copy(_statuses);

    public IReadOnlyList<StatsMessage> Stats => Copy(_stats);

    public Task PublishAssessmentAsync(AssessmentMessage message, CancellationToken ct = default) => Add(_assessments, message);

    public Task PublishStateAsync(BedStateMessage message, CancellationToken ct = default) => Add(_states, message);

    public Task PublishAlertAsync(AlertEventMessage message, CancellationToken ct = default) => Add(_alerts, message);

    public Task PublishStatusAsync(BedStatusMessage message, CancellationToken ct = default) => Add(_statuses, message);

    public Task PublishStatsAsync(StatsMessage message, CancellationToken ct = default) => Add(_stats, message);

    private Task Add<T>(List<T> list, T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate) list.Add(message);
        return Task.CompletedTask;
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (_gate) return [.. list];
    }
}
