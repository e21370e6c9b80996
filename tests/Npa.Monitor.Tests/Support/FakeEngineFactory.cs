using Npa.Monitor.ModelSwap;

namespace Npa.Monitor.Tests.Support;

/// <summary>Test loader: hands out the next queued engine, or throws the queued error, and counts loads.</summary>
internal sealed class FakeEngineFactory : IInferenceEngineFactory
{
    private readonly Queue<Func<LoadedModel>> _next = new();
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public List<string> Paths { get; } = [];

    public FakeEngineFactory Then(FakeEngine engine)
    {
        lock (_next) _next.Enqueue(() => engine.Loaded());
        return this;
    }

    public FakeEngineFactory ThenFail(string message)
    {
        lock (_next) _next.Enqueue(() => throw new InvalidDataException(message));
        return this;
    }

    public LoadedModel Load(string packagePath)
    {
        Interlocked.Increment(ref _loads);
        Func<LoadedModel> next;
        lock (_next)
        {
            Paths.Add(packagePath);
            if (!_next.TryDequeue(out next!)) throw new InvalidOperationException("no engine queued in the test");
        }
        return next();
    }
}
