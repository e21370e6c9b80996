using System.Diagnostics;
using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npa.Capture.Diagnostics;
using Npa.Capture.Simulation.Camera;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.Hosting;
using Npa.Monitor.Mqtt;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Publishing;
using CaptureOptions = Npa.Capture.Configuration.CaptureOptions;

namespace Npa.Monitor.Replay;

/// <summary>
/// Runs the monitor's own service (<see cref="MonitorService"/>: the same bed chains, batcher, aggregator and MQTT message
/// builders as <c>run</c>) on a virtual-time scheduler, as fast as the CPU allows, and records what it published.
/// </summary>
public static class ReplayRunner
{
    // Short slices of virtual time, so that Ctrl+C is heard within seconds even when many beds replay slowly.
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(10);

    /// <summary>Replays; <paramref name="progress"/> hears the virtual time done so far.</summary>
    public static async Task<ReplayRecording> RunAsync(ReplaySettings settings, ILoggerFactory loggers, Action<TimeSpan, TimeSpan>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        string[] problems = settings.Validate().ToArray();
        if (problems.Length > 0) throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        var configuration = ReplayConfiguration.Load(settings.ConfigPath, settings.Overrides);
        await using var services = new ServiceCollection().AddMonitorOptions(configuration).BuildServiceProvider();
        // Every section at once, as `run` reports them.
        if (services.GetService<IAsyncStartupValidator>() is { } validator) await validator.ValidateAsync(ct).ConfigureAwait(false);
        var inference = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        inference.WatchModel = false;
        var (beds, duration) = ReplayBeds.Resolve(settings, services.GetRequiredService<IOptions<BedsOptions>>().Value,
            services.GetRequiredService<IOptions<CaptureOptions>>().Value.AssessmentRateHz);
        var bedsOptions = new BedsOptions();
        foreach (var bed in beds) bedsOptions.Add(bed.Options);
        var bedProblems = new BedsOptionsValidator().Validate(null, bedsOptions);
        if (bedProblems.Failed) throw new OptionsValidationException(BedsOptions.Section, typeof(BedsOptions), bedProblems.Failures);

        var scheduler = new HistoricalScheduler(settings.Start);
        using var metrics = new CaptureMetrics();
        using var frontEnds = new CaptureFrontEndFactory(services.GetRequiredService<IOptions<CaptureOptions>>(), metrics, scheduler,
            renderAhead: Math.Clamp(2 * Environment.ProcessorCount / beds.Count, 2, 16));
        var truth = new List<FrameGroundTruth>();
        using var truthSubscription = frontEnds.SimulatedGroundTruth.Subscribe(truth.Add);
        var publisher = new InMemoryAssessmentPublisher();
        var mqtt = new MqttBedOutput(publisher, services.GetRequiredService<IOptions<AlertsOptions>>(), Options.Create(new MqttOptions()), loggers.CreateLogger<MqttBedOutput>());
        var sampled = new SampledFrameLog();
        var monitor = new MonitorService(Options.Create(bedsOptions), Options.Create(inference), services.GetRequiredService<IOptions<AlertsOptions>>(),
            new PackageEngineFactory(Options.Create(inference), loggers), frontEnds, flagging: null,
            [mqtt, sampled], [mqtt], scheduler, loggers);
        await using (monitor.ConfigureAwait(false))
        {
            var wall = Stopwatch.StartNew();
            await monitor.StartingAsync(ct).ConfigureAwait(false);
            await monitor.StartAsync(ct).ConfigureAwait(false);
            string modelId = monitor.ModelId ?? "";
            var end = settings.Start + duration;
            while (scheduler.Now < end)
            {
                ct.ThrowIfCancellationRequested();
                var next = scheduler.Now + Slice;
                scheduler.AdvanceTo(next < end ? next : end);
                progress?.Invoke(scheduler.Now - settings.Start, duration);
            }
            await monitor.StopAsync(ct).ConfigureAwait(false);
            wall.Stop();
            return new ReplayRecording(beds, settings.Start, duration, wall.Elapsed, truth, sampled.Frames,
                publisher.Assessments, publisher.Alerts, publisher.States, publisher.Statuses,
                ReadingGate.From(services.GetRequiredService<IOptions<AlertsOptions>>().Value), modelId);
        }
    }
}
