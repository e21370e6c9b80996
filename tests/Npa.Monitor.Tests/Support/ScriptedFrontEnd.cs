using System.Reactive.Linq;
using System.Reactive.Subjects;
using Npa.Capture.Frames;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Tests.Support;

/// <summary>Test front end driven by the test: push frames, fail the camera, change status.</summary>
internal sealed class ScriptedFrontEnd : IBedFrontEnd
{
    private readonly object _lock = new();
    private Subject<PreparedFrame> _frames = new();
    private long _seq;
    private int _subscriptions;

    public ScriptedFrontEnd(string bedId, FakeEngine engine)
    {
        BedId = bedId;
        Engine = engine;
        Frames = Observable.Defer(() =>
        {
            Interlocked.Increment(ref _subscriptions);
            lock (_lock) return (IObservable<PreparedFrame>)_frames;
        });
    }

    public string BedId { get; }

    public FakeEngine Engine { get; }

    public IObservable<PreparedFrame> Frames { get; }

    // The feeder's pace (Feeder pushes about 20 a second).
    public double FramesPerSecond => 20;

    public Subject<CameraStatus> StatusSubject { get; } = new();

    public IObservable<CameraStatus> Status => StatusSubject;

    public int Subscriptions => Volatile.Read(ref _subscriptions);

    public bool Disposed { get; private set; }

    public void Push(double score)
    {
        // A small grey crop stands in for the face (the flagged-frame store keeps it as PNG).
        var crop = new OpenCvSharp.Mat(16, 16, OpenCvSharp.MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 120, 160));
        lock (_lock) _frames.OnNext(PreparedFrame.Ready(BedId, ++_seq, DateTimeOffset.UtcNow, Engine.Input(score), crop, new OpenCvSharp.Rect(10, 10, 50, 50), 0.9, new Npa.Capture.Quality.QualityReport(50, 100, 120, 0.01, 0.9)));
    }

    public void PushNoFace()
    {
        lock (_lock) _frames.OnNext(PreparedFrame.NoFace(BedId, ++_seq, DateTimeOffset.UtcNow));
    }

    /// <summary>The camera fails; a new subscription gets a fresh stream.</summary>
    public void Fail(string message)
    {
        lock (_lock)
        {
            var old = _frames;
            _frames = new Subject<PreparedFrame>();
            old.OnError(new IOException(message));
        }
    }

    public void Dispose() => Disposed = true;
}
