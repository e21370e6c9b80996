using OpenCvSharp;

namespace Npa.Capture.Simulation.Rendering;

/// <summary>Everything that decides one rendered neonate scene; rendering the same spec gives the same pixels.</summary>
public sealed record FaceSceneSpec
{
    /// <summary>The true (clean) NIPS score the actions were drawn for.</summary>
    public required int Nips { get; init; }

    public required FacialActions Actions { get; init; }

    /// <summary>Eye opening at rest, 0 (asleep) .. 1 (wide awake); squeezing overrides it.</summary>
    public double EyeOpenness { get; init; } = 0.7;

    /// <summary>Index into <see cref="SkinTonePalette"/>.</summary>
    public int SkinTone { get; init; }

    /// <summary>Face (cheek to cheek) width in pixels.</summary>
    public required double FaceWidth { get; init; }

    /// <summary>Face height over width; neonates are round (about 1.05..1.25).</summary>
    public double Aspect { get; init; } = 1.15;

    /// <summary>Centre of the face (between eyes and mouth) in the canvas.</summary>
    public required Point2d Center { get; init; }

    /// <summary>In-plane head roll, degrees, positive clockwise on screen.</summary>
    public double RollDegrees { get; init; }

    /// <summary>Yaw approximation, -1..1: features shift and the far side narrows and darkens.</summary>
    public double Yaw { get; init; }

    /// <summary>Direction of the lighting gradient, radians.</summary>
    public double LightAngle { get; init; }

    /// <summary>Strength of the lighting gradient, 0 (flat) .. 0.6.</summary>
    public double LightStrength { get; init; }

    /// <summary>Overall exposure multiplier.</summary>
    public double Exposure { get; init; } = 1.0;

    /// <summary>Gaussian blur sigma in pixels; 0 for none.</summary>
    public double BlurSigma { get; init; }

    /// <summary>Sensor noise standard deviation in grey levels.</summary>
    public double NoiseSigma { get; init; }

    /// <summary>JPEG quality of a compression round trip; 0 for none.</summary>
    public int JpegQuality { get; init; }

    public SceneBackground Background { get; init; }

    /// <summary>Hue of the background (blanket colour, tint of the incubator wall), 0..1.</summary>
    public double BackgroundHue { get; init; }

    public OcclusionKind Occlusion { get; init; }

    /// <summary>Knitted cap over the cranium, as most NICU neonates wear; <see cref="HatHue"/> sets its colour.</summary>
    public bool WearsHat { get; init; }

    public double HatHue { get; init; }

    /// <summary>Seed of the background's layout (pattern, folds, incubator frame); a fixed camera keeps it.</summary>
    public int SceneSeed { get; init; }

    /// <summary>Seed of the skin tint and mottling, cap shade and occluder placement; constant for one neonate on one bed.</summary>
    public int AppearanceSeed { get; init; }

    /// <summary>Seed of per-frame sensor noise.</summary>
    public int DetailSeed { get; init; }

    /// <summary>True when something covers part of the face.</summary>
    public bool IsOccluded => Occlusion != OcclusionKind.None;
}
