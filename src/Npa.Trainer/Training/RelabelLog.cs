using System.Text.Json;

namespace Npa.Trainer.Training;

/// <summary>Appends relabel events to a JSONL file and keeps per-epoch counts and precision.</summary>
public sealed class RelabelLog : IDisposable
{
    private static JsonSerializerOptions Json => RunFolder.Json;
    private readonly StreamWriter writer;
    private int count;
    private int known;
    private int correct;
    private bool disposed;

    /// <summary>Opens (appending, so a resumed run continues the file) <paramref name="path"/>.</summary>
    public RelabelLog(string path)
    {
        writer = new StreamWriter(path, append: true) { AutoFlush = false };
    }

    /// <summary>Events recorded since the last <see cref="EndEpoch"/>.</summary>
    public int EpochCount => count;

    /// <summary>Records events.</summary>
    public void Write(IEnumerable<RelabelEvent> events)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                epoch = e.Epoch, sample = e.Sample, path = e.Path, old = e.Old, @new = e.New, clean = e.Clean,
                correct = e.Correct, p_com = Math.Round(e.PCom, 5), delta2 = Math.Round(e.Delta2, 5),
            }, Json));
            count++;
            if (e.Correct is bool ok)
            {
                known++;
                if (ok) correct++;
            }
        }
    }

    /// <summary>Closes the epoch: returns its count and precision (null when no event had a clean label) and resets.</summary>
    public (int Count, double? Precision) EndEpoch()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        writer.Flush();
        var result = (count, known == 0 ? (double?)null : (double)correct / known);
        count = known = correct = 0;
        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        writer.Dispose();
    }
}
