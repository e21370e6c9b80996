namespace Npa.Capture.Simulation;

/// <summary>Which synthetic label noise the dataset generator applies (Npa.Shared's <c>LabelNoise</c> does the work).</summary>
public enum LabelNoiseMode
{
    None,

    /// <summary>The paper's Eq. 9: the given fraction of each class moves by ±1..3, staying in 0..7.</summary>
    Paper,

    /// <summary>The given fraction of all labels becomes a uniformly drawn other class.</summary>
    Symmetric,

    /// <summary>Annotators err more on occluded faces: Eq. 9 moves at a higher rate on occluded images.</summary>
    Occlusion,
}
