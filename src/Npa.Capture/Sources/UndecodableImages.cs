using Microsoft.Extensions.Logging;
using Npa.Capture.Diagnostics;

namespace Npa.Capture.Sources;

/// <summary>
/// Counts the images a folder camera skips and logs each bad file once per source: a looping folder meets the same
/// file on every pass, and one line a pass would bury the other logs.
/// </summary>
internal sealed class UndecodableImages(string bedId, CaptureMetrics? metrics, ILogger logger)
{
    private readonly HashSet<string> _logged = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Skipped(string file)
    {
        metrics?.Undecodable(bedId);
        lock (_gate)
        {
            if (!_logged.Add(file))
            {
                return;
            }
        }

        logger.LogWarning("bed {Bed}: image '{File}' could not be decoded; skipped (the folder goes on with the next image)", bedId, file);
    }
}
