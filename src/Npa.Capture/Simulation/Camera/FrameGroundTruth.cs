using Npa.Capture.Simulation.Rendering;
using OpenCvSharp;

namespace Npa.Capture.Simulation.Camera;

/// <summary>What a simulated frame truly shows; <see cref="FaceBox"/> is in frame pixels and may reach past the frame on frame exit.</summary>
public sealed record FrameGroundTruth(
    string BedId,
    long Sequence,
    DateTimeOffset Timestamp,
    TimeSpan Offset,
    string Segment,
    int Nips,
    bool CameraOnline,
    OcclusionKind Occlusion,
    Rect FaceBox)
{
    public bool Occluded => Occlusion != OcclusionKind.None;
}
