namespace Npa.Capture.Simulation;

/// <summary>How <see cref="SyntheticDatasetGenerator"/> turns a scene into a training image.</summary>
public enum SyntheticRender
{
    /// <summary>A square cut around the renderer's true face box (fast; no detector in the loop).</summary>
    FaceCrop,

    /// <summary>
    /// A full camera frame cut by the Monitor's own capture operators (detector, tracker, square crop, quality gate), so
    /// that training crops are what the bedside serves: train as you serve.
    /// </summary>
    CameraFrame,
}
