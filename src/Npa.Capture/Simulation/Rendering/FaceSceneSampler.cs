using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Draws the variable part of a scene (pose, placement, lighting, camera, background, occlusion) for one image.</summary>
public static class FaceSceneSampler
{
    private static readonly OcclusionKind[] Occluders =
    [
        OcclusionKind.CpapMask, OcclusionKind.NasalCannula, OcclusionKind.Tape,
        OcclusionKind.Pacifier, OcclusionKind.GlovedHand, OcclusionKind.FrameExit,
    ];

    public static FaceSceneSpec Sample(int nips, SubjectAppearance subject, Size canvas, FaceSceneSamplerOptions options, Random rng)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate();
        var actions = FacialActions.ForNips(nips, rng, options.ScoreOverlap);
        double shorter = Math.Min(canvas.Width, canvas.Height);
        double w = shorter * Draw.Uniform(rng, options.MinFaceFraction, options.MaxFaceFraction);
        var occlusion = rng.NextDouble() < options.OcclusionRate ? Occluders[rng.Next(Occluders.Length)] : OcclusionKind.None;
        var center = occlusion == OcclusionKind.FrameExit ? ExitCenter(canvas, w, rng) : InsideCenter(canvas, w, rng);
        bool degrade = options.Degrade;
        return new FaceSceneSpec
        {
            Nips = nips,
            Actions = actions,
            EyeOpenness = Math.Clamp(subject.BaseEyeOpenness + Draw.Uniform(rng, -0.25, 0.25), 0, 1),
            SkinTone = subject.SkinTone,
            FaceWidth = w,
            Aspect = subject.Aspect,
            Center = center,
            RollDegrees = Draw.Uniform(rng, -options.MaxRollDegrees, options.MaxRollDegrees),
            Yaw = Draw.Uniform(rng, -options.MaxYaw, options.MaxYaw),
            LightAngle = Draw.Uniform(rng, 0, 2 * Math.PI),
            LightStrength = Draw.Uniform(rng, 0, 0.45),
            Exposure = Draw.Uniform(rng, 0.82, 1.12),
            BlurSigma = degrade && rng.NextDouble() < 0.5 ? Draw.Uniform(rng, 0.3, 1.3) * Math.Max(1, w / 200) : 0,
            NoiseSigma = degrade ? Draw.Uniform(rng, 1, 6) : 0,
            JpegQuality = degrade && rng.NextDouble() < 0.5 ? rng.Next(45, 95) : 0,
            Background = (SceneBackground)rng.Next(3),
            BackgroundHue = rng.NextDouble(),
            Occlusion = occlusion,
            WearsHat = subject.WearsHat,
            HatHue = subject.HatHue,
            SceneSeed = rng.Next(),
            AppearanceSeed = rng.Next(),
            DetailSeed = rng.Next(),
        };
    }

    private static Point2d InsideCenter(Size canvas, double w, Random rng)
    {
        // Keep the whole head, and a 1.3-box crop around the face, in view when it fits.
        double mx = Math.Min(canvas.Width / 2.0, 0.68 * w), my = Math.Min(canvas.Height / 2.0, 0.75 * w);
        return new Point2d(Draw.Uniform(rng, mx, canvas.Width - mx), Draw.Uniform(rng, my, canvas.Height - my));
    }

    private static Point2d ExitCenter(Size canvas, double w, Random rng)
    {
        // A quarter to a half of the face box leaves the frame across one edge.
        double outside = Draw.Uniform(rng, 0.25, 0.5) * w, off = w / 2 - outside;
        var inside = InsideCenter(canvas, w, rng);
        return rng.Next(4) switch
        {
            0 => new Point2d(off, inside.Y),
            1 => new Point2d(canvas.Width - off, inside.Y),
            2 => new Point2d(inside.X, off),
            _ => new Point2d(inside.X, canvas.Height - off),
        };
    }
}
