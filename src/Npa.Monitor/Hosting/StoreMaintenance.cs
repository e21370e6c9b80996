using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Hosting;

/// <summary>Applies the flagged-frame store's retention and disk quota at start and every ten minutes.</summary>
public sealed class StoreMaintenance(IFlaggedFrameStore store, ILogger<StoreMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                int removed = store.Prune();
                if (removed > 0) logger.LogInformation("flagged-frame store: removed {Count} frame(s) past retention or over quota", removed);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                logger.LogError("flagged-frame store maintenance failed: {Reason}", ex.Message);
            }
        }
        while (await NextAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false); }
        catch (OperationCanceledException) { return false; }
    }
}
