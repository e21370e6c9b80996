using Microsoft.Extensions.Options;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging.Abstractions;
using Npa.Capture.Frames;
using Npa.Capture.Sources;
using Npa.Monitor.Aggregation;
using Npa.Monitor.Configuration;
using Npa.Monitor.ModelSwap;
using Npa.Monitor.Mqtt;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Publishing;
using Npa.Monitor.Replay;

namespace Npa.Monitor.Tests.Support;

/// <summary>
/// One <see cref="BedChain"/> on a virtual clock around a test front end: each camera open (subscription) plays the next
/// scripted attempt, and everything the chain publishes is kept in memory.
/// </summary>
internal sealed class VirtualBed : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Queue<Func<IObservable<PreparedFrame>>> _attempts = new();

    /// <param name="framesPerSecond">The rate the front end says its frames come at (what the silence threshold follows).</param>
    public VirtualBed(BackoffOptions? reconnect = null, FlaggingStage? flagging = null, double framesPerSecond = 4)
    {
        Engine = new FakeEngine("test-model-1");
        Models = new ModelHolder(Engine.Loaded());
        Batcher = new InferenceBatcher(Models, new InferenceOptions { MaxBatchSize = 8, MaxBatchWaitMs = 15 }, Scheduler, NullLogger.Instance);
        var bed = new BedOptions { Id = "bed-1", Camera = new CameraOptions { Kind = CameraKind.Stream, Target = "rtsp://cam", Reconnect = reconnect ?? new BackoffOptions() } };
        var alerts = new AlertsOptions { SustainSeconds = 0.5, EmaHalfLifeSeconds = 0.1 };
        var frames = Observable.Defer(() =>
        {
            Opens.Add(Scheduler.Now - T0);
            return _attempts.Count > 0 ? _attempts.Dequeue()() : Observable.Never<PreparedFrame>();
        });
        FrontEnd = new TestFrontEnd("bed-1", frames, CameraStatuses, framesPerSecond);
        Counters = new BedCounters("bed-1");
        Chain = new BedChain(bed, FrontEnd, Batcher, new BedAggregator("bed-1", alerts, T0), flagging,
            [new MqttBedOutput(Published, Options.Create(alerts), Options.Create(new MqttOptions { InstanceId = "virtual" }), NullLogger<MqttBedOutput>.Instance), Sampled], Counters, Scheduler, NullLogger.Instance);
    }

    public HistoricalScheduler Scheduler { get; } = new(T0);

    /// <summary>What the camera's source says of itself (silent unless a test speaks for it).</summary>
    public Subject<CameraStatus> CameraStatuses { get; } = new();

    public FakeEngine Engine { get; }

    public ModelHolder Models { get; }

    public InferenceBatcher Batcher { get; }

    public TestFrontEnd FrontEnd { get; }

    public BedCounters Counters { get; }

    public BedChain Chain { get; }

    public InMemoryAssessmentPublisher Published { get; } = new();

    public SampledFrameLog Sampled { get; } = new();

    /// <summary>When each camera open happened, from the start.</summary>
    public List<TimeSpan> Opens { get; } = [];

    /// <summary>The next camera open fails at once with <paramref name="message"/>.</summary>
    public VirtualBed ThenFail(string message)
    {
        _attempts.Enqueue(() => Observable.Throw<PreparedFrame>(new IOException(message)));
        return this;
    }

    /// <summary>The next camera open gives <paramref name="count"/> frames of <paramref name="score"/>, 4 a second, then fails (or goes on, with null).</summary>
    public VirtualBed ThenFrames(int count, double score, string? failWith = null) => ThenFrames(count, score, TimeSpan.FromMilliseconds(250), failWith);

    /// <summary>The next camera open gives <paramref name="count"/> frames, one each <paramref name="interval"/>, then fails (or stays silent, with null).</summary>
    public VirtualBed ThenFrames(int count, double score, TimeSpan interval, string? failWith = null)
    {
        _attempts.Enqueue(() =>
        {
            var frames = Observable.Interval(interval, Scheduler).Take(count).Select(i => Ready(score, i));
            return failWith is null ? frames.Concat(Observable.Never<PreparedFrame>()) : frames.Concat(Observable.Throw<PreparedFrame>(new IOException(failWith)));
        });
        return this;
    }

    /// <summary>The next camera open says it is online (as a reopened device does), then gives no frame and no error.</summary>
    public VirtualBed ThenOpensWithoutFrames()
    {
        _attempts.Enqueue(() => Observable.Defer(() =>
        {
            CameraStatuses.OnNext(CameraStatus.Online);
            return Observable.Never<PreparedFrame>();
        }));
        return this;
    }

    /// <summary>Says <paramref name="status"/> for the camera's source at <paramref name="at"/> from the start.</summary>
    public VirtualBed StatusAt(TimeSpan at, CameraStatus status)
    {
        Scheduler.ScheduleAbsolute(T0 + at, () => CameraStatuses.OnNext(status));
        return this;
    }

    /// <summary>The next camera open gives nothing for <paramref name="silence"/>, then fails with <paramref name="failWith"/>.</summary>
    public VirtualBed ThenSilence(TimeSpan silence, string failWith)
    {
        _attempts.Enqueue(() => Observable.Timer(silence, Scheduler).SelectMany(_ => Observable.Throw<PreparedFrame>(new IOException(failWith))));
        return this;
    }

    /// <summary>The next camera open gives <paramref name="before"/> frames 4 a second, nothing for <paramref name="gap"/>, then frames again.</summary>
    public VirtualBed ThenFramesWithGap(int before, TimeSpan gap, double score)
    {
        _attempts.Enqueue(() =>
        {
            var first = Observable.Interval(TimeSpan.FromMilliseconds(250), Scheduler).Take(before).Select(i => Ready(score, i));
            var later = Observable.Timer(gap, TimeSpan.FromMilliseconds(250), Scheduler).Select(i => Ready(score, before + i));
            return first.Concat(later);
        });
        return this;
    }

    public PreparedFrame Ready(double score, long seq) =>
        PreparedFrame.Ready("bed-1", seq, Scheduler.Now, Engine.Input(score), new OpenCvSharp.Mat(16, 16, OpenCvSharp.MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 120, 160)),
            new OpenCvSharp.Rect(10, 10, 50, 50), 0.9, new Npa.Capture.Quality.QualityReport(50, 100, 120, 0.01, 0.9));

    public void Run(TimeSpan until) => Scheduler.AdvanceTo(T0 + until);

    public void Dispose()
    {
        Chain.Dispose();
        CameraStatuses.Dispose();
        Batcher.Dispose();
        Models.Dispose();
    }

    /// <summary>A front end that is only a stream of prepared frames and the status the test gives it.</summary>
    internal sealed class TestFrontEnd(string bedId, IObservable<PreparedFrame> frames, IObservable<CameraStatus> status, double framesPerSecond) : IBedFrontEnd
    {
        public string BedId { get; } = bedId;

        public IObservable<PreparedFrame> Frames { get; } = frames;

        public double FramesPerSecond { get; } = framesPerSecond;

        public IObservable<CameraStatus> Status { get; } = status;

        public void Dispose()
        {
        }
    }
}
