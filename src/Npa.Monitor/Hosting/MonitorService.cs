using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Capture.Frames;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Alarms;
using Npa.Monitor.Configuration;
using Npa.Monitor.Metrics;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Publishing;

namespace Npa.Monitor.Hosting;

/// <summary>
/// The service core: loads the model, starts one <see cref="BedChain"/> per bed around the shared batcher, watches the
/// model package for hot-swap and samples stats, all on the injected scheduler (real time in <c>run</c>, virtual time in
/// <c>replay</c>). A bed whose camera cannot open is shown offline; the others run.
/// </summary>
public sealed class MonitorService : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(2);
    private readonly IOptions<BedsOptions> _beds;
    private readonly IOptions<InferenceOptions> _inference;
    private readonly IOptions<AlertsOptions> _alerts;
    private readonly IInferenceEngineFactory _engines;
    private readonly IBedFrontEndFactory _frontEnds;
    private readonly FlaggingStage? _flagging;
    private readonly IReadOnlyList<IBedOutput> _outputs;
    private readonly IReadOnlyList<IStatsOutput> _statsOutputs;
    private readonly IScheduler _scheduler;
    private readonly BedAlarmControls? _alarms;
    private readonly ModelAnnouncer? _announcer;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    // Replaced, never mutated, so /healthz and /api/beds can read it while start-up adds beds.
    private BedChain[] _chains = [];
    private readonly List<BedCounters> _counters = [];
    private ModelHolder? _models;
    private InferenceBatcher? _batcher;
    private ModelPackageWatcher? _watcher;
    private IDisposable? _statsTimer;
    private int _stopped;

    /// <param name="flagging">The flagging stage; null keeps no frames (replay, unless asked).</param>
    /// <param name="alarms">Nurses' alarm commands for the beds; null: none (replay).</param>
    /// <param name="announcer">Publishes the serving model at start and on each swap; null: nobody is told (replay).</param>
    public MonitorService(IOptions<BedsOptions> beds, IOptions<InferenceOptions> inference, IOptions<AlertsOptions> alerts,
        IInferenceEngineFactory engines, IBedFrontEndFactory frontEnds, FlaggingStage? flagging,
        IEnumerable<IBedOutput> outputs, IEnumerable<IStatsOutput> statsOutputs, IScheduler scheduler, ILoggerFactory loggers,
        BedAlarmControls? alarms = null, ModelAnnouncer? announcer = null)
    {
        _announcer = announcer;
        _alarms = alarms;
        _flagging = flagging;
        _beds = beds;
        _inference = inference;
        _alerts = alerts;
        _engines = engines;
        _frontEnds = frontEnds;
        _outputs = outputs.ToList();
        _statsOutputs = statsOutputs.ToList();
        _scheduler = scheduler;
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger("Npa.Monitor");
    }

    /// <summary>True between a successful start and stop.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Model serving now (null before start).</summary>
    public string? ModelId => _models?.ModelId;

    /// <summary>Each bed's state now.</summary>
    public IReadOnlyList<BedSnapshot> Beds => Volatile.Read(ref _chains).Select(p => p.Current).ToList();

    /// <summary>Model reload attempts (hot-swap), when watching is on.</summary>
    public IObservable<ModelReload>? ModelReloads => _watcher?.Reloads;

    /// <summary>Loads the model before any hosted service starts, so a bad package stops start-up before the broker opens.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        string modelPath = Path.GetFullPath(_inference.Value.ModelPath);
        try
        {
            _models = new ModelHolder(_engines.Load(modelPath));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MonitorStartupException($"Inference:ModelPath: cannot load the model package '{modelPath}': {ex.Message}", ex);
        }
        _models.Swapped += (_, id) => _logger.LogInformation("model swapped: now serving {Model}", id);
        _logger.LogInformation("model {Model} loaded from {Path}", _models.ModelId, modelPath);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var inference = _inference.Value;
        string modelPath = Path.GetFullPath(inference.ModelPath);
        if (_models is null) throw new InvalidOperationException("the model is loaded in StartingAsync, which the host calls first");
        _announcer?.Attach(_models);
        _batcher = new InferenceBatcher(_models, inference, _scheduler, _loggers.CreateLogger<InferenceBatcher>());
        if (inference.WatchModel)
        {
            _watcher = new ModelPackageWatcher(modelPath, _engines, _models, TimeSpan.FromMilliseconds(inference.SwapDebounceMs), _scheduler, _loggers.CreateLogger<ModelPackageWatcher>());
            _watcher.Start();
        }
        foreach (var bed in _beds.Value) StartBed(bed);
        var sampler = new StatsSampler(_counters, () => (_batcher.Batches, _batcher.Items, _batcher.InferenceMilliseconds, _batcher.QueueDepth, _models.ModelId), _scheduler.Now);
        _statsTimer = Observable.Interval(StatsInterval, _scheduler).Subscribe(_ => PublishStats(sampler));
        IsRunning = true;
        _logger.LogInformation("monitoring {Count} bed(s): {Beds}", _chains.Length, string.Join(", ", _chains.Select(p => p.BedId)));
        return Task.CompletedTask;
    }

    private void StartBed(BedOptions bed)
    {
        var counters = new BedCounters(bed.Id);
        var aggregator = new BedAggregator(bed.Id, _alerts.Value, _scheduler.Now, bed.Enabled ? CameraStatus.Offline : CameraStatus.Disabled, _alarms);
        IBedFrontEnd? frontEnd = null;
        if (bed.Enabled)
        {
            try
            {
                frontEnd = _frontEnds.Create(bed, counters, _models!);
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException or NotSupportedException)
            {
                _logger.LogError("bed {Bed}: cannot open camera {Camera}: {Reason}; the other beds keep running", bed.Id, bed.DescribeCamera(), ex.Message);
                aggregator.Apply(BedObservation.CameraChanged(_scheduler.Now, CameraStatus.Offline, ex.Message));
            }
        }
        var chain = new BedChain(bed, frontEnd, _batcher!, aggregator, _flagging, _outputs, counters, _scheduler, _loggers.CreateLogger<BedChain>());
        _counters.Add(counters);
        Volatile.Write(ref _chains, [.. _chains, chain]);
        chain.Start();
    }

    private void PublishStats(StatsSampler sampler)
    {
        var stats = sampler.Sample(_scheduler.Now);
        foreach (var output in _statsOutputs)
        {
            try { output.OnStats(stats); }
#pragma warning disable CA1031 // A failing stats output must not stop the others.
            catch (Exception ex) { _logger.LogError(ex, "stats output {Output} failed", output.GetType().Name); }
#pragma warning restore CA1031
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return Task.CompletedTask;
        bool started = IsRunning;
        IsRunning = false;
        _statsTimer?.Dispose();
        _watcher?.Dispose();
        foreach (var chain in _chains) chain.Dispose();
        _batcher?.Dispose();
        _models?.Dispose();
        if (started) _logger.LogInformation("monitor stopped");
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
