using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;

namespace Npa.Capture.Simulation.Camera;

/// <summary>
/// A bed script sampled at the camera's frame rate. Frame <c>n</c> lies at offset <c>n / fps</c>; sequence numbers
/// count ticks, so a dropout leaves a gap. Everything here is a pure function of the script, the options and <c>n</c>;
/// the painted background and the last few heads are cached (dispose to free them).
/// </summary>
public sealed class BedTimeline : IDisposable
{
    private readonly FaceSceneSpec _base;
    // Painted once: the camera is fixed, and the background depends only on the bed's scene seed.
    private readonly Lazy<byte[]> _background;
    private readonly HeadPatchCache _heads = new();

    public BedTimeline(BedScript script, SimulatedCameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        script.Validate();
        options.Validate();
        Script = script;
        Options = options;
        // The camera is fixed over the bed: placement, background and lighting are drawn once per bed.
        var rng = new Random(SeedMix.Combine(script.Seed, 0x5EED));
        var subject = SubjectAppearance.Random(rng);
        var placement = new FaceSceneSamplerOptions { MinFaceFraction = 0.32, MaxFaceFraction = 0.45, MaxRollDegrees = 8, MaxYaw = 0.12 };
        _base = FaceSceneSampler.Sample(0, subject, Canvas, placement, rng);
        _background = new Lazy<byte[]>(() => NeonateFaceRenderer.PaintBackground(_base, Canvas), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public BedScript Script { get; }

    public SimulatedCameraOptions Options { get; }

    public Size Canvas => new(Options.Width, Options.Height);

    /// <summary>Ticks in one pass of the script.</summary>
    public long FramesPerPass => (long)Math.Ceiling(Script.Duration.TotalSeconds * Options.Fps - 1e-9);

    public TimeSpan OffsetOf(long sequence) => TimeSpan.FromTicks((long)Math.Round(sequence * TimeSpan.TicksPerSecond / Options.Fps));

    /// <summary>True when a non-looping script has no frame <paramref name="sequence"/>.</summary>
    public bool IsPastEnd(long sequence) => !Script.Loop && sequence >= FramesPerPass;

    public FrameGroundTruth GroundTruth(long sequence, DateTimeOffset start)
    {
        var offset = OffsetOf(sequence);
        var state = Script.StateAt(offset);
        var spec = SceneFor(sequence, state);
        return new FrameGroundTruth(Script.BedId, sequence, start + offset, offset, state.Segment, state.Nips,
            state.CameraOnline, state.Occlusion, NeonateFaceRenderer.TrueFaceBox(spec));
    }

    /// <summary>Renders frame <paramref name="sequence"/>; the caller owns the result.</summary>
    public RenderedFace Render(long sequence) => NeonateFaceRenderer.Render(SceneFor(sequence, Script.StateAt(OffsetOf(sequence))), Canvas, _background.Value, _heads);

    public void Dispose() => _heads.Dispose();

    private FaceSceneSpec SceneFor(long sequence, TimelineState state)
    {
        double t = OffsetOf(sequence).TotalSeconds, w = _base.FaceWidth;
        // The expression is redrawn once a second: a held grimace, not per-frame flicker.
        long second = (long)Math.Floor(t);
        var actions = FacialActions.ForNips(state.Nips, new Random(SeedMix.Combine(Script.Seed, state.Nips, second)));
        // Slow breathing-like head motion; restlessness grows with pain.
        double agitation = 1 + state.Nips / 3.0;
        var center = new Point2d(
            _base.Center.X + 0.02 * w * agitation * Math.Sin(2 * Math.PI * t / 7.0),
            _base.Center.Y + 0.015 * w * agitation * Math.Sin(2 * Math.PI * t / 4.3));
        if (state.Occlusion == OcclusionKind.FrameExit) center = new Point2d(0.15 * w, center.Y);
        return _base with
        {
            Nips = state.Nips,
            Actions = actions,
            Center = center,
            RollDegrees = _base.RollDegrees + 2.5 * agitation * Math.Sin(2 * Math.PI * t / 9.0),
            Occlusion = state.Occlusion,
            DetailSeed = SeedMix.Combine(Script.Seed, sequence, 0xF4A3E),
        };
    }
}
