using Npa.Capture.Simulation.Rendering;

namespace Npa.Capture.Simulation;

/// <summary>One planned dataset image: its clean label, subject, split, scene and (after noise) its given label.</summary>
internal sealed record SyntheticImagePlan(int Index, int CleanLabel, string Subject, FaceSceneSpec Spec)
{
    public Npa.Shared.Datasets.DatasetSplit Split { get; set; }

    public int Label { get; set; }

    public string RelativePath => $"images/{Index:D6}.png";
}
