namespace Npa.Monitor.Tests.Support;

/// <summary>Pushes frames into scripted beds at about 20 per second until disposed; the score function may change meanwhile.</summary>
internal sealed class Feeder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Feeder(params (ScriptedFrontEnd Bed, Func<double?> Score)[] beds)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var (bed, score) in beds)
                {
                    if (score() is double s) bed.Push(s);
                    else bed.PushNoFace();
                }
                try { await Task.Delay(50, _stop.Token); }
                catch (OperationCanceledException) { return; }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
