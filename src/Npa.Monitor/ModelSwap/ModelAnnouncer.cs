using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Mqtt;
using Npa.Shared.Messages;

namespace Npa.Monitor.ModelSwap;

/// <summary>Publishes the serving model when the monitor starts and after every hot-swap, with the id it replaced.</summary>
public sealed class ModelAnnouncer(IModelPublisher publisher, IScheduler scheduler, ILogger<ModelAnnouncer> logger)
{
    private string? _serving;

    /// <summary>Announces <paramref name="holder"/>'s model now, and each model it swaps in from here on.</summary>
    public void Attach(ModelHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        Announce(holder.Current);
        // Swapped runs on the batcher's thread right after the swap, so Current is the model just swapped in.
        holder.Swapped += (_, _) => Announce(holder.Current);
    }

    private void Announce(LoadedModel model)
    {
        var now = scheduler.Now;
        var message = new ModelMessage
        {
            MonitorId = "",
            Seq = 0,
            Time = now,
            ModelId = model.ModelId,
            Sha256 = model.Manifest?.OnnxSha256,
            Metrics = model.Manifest?.ValidationMetrics ?? new Dictionary<string, double>(),
            SwappedAt = now,
            PreviousId = Interlocked.Exchange(ref _serving, model.ModelId),
        };
        var task = publisher.PublishModelAsync(message);
        if (!task.IsCompletedSuccessfully)
            task.ContinueWith(t => logger.LogError(t.Exception, "MQTT model message could not be queued"), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
