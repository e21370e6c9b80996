namespace Npa.Trainer.Cam;

/// <summary>A Grad-CAM map for one image: ReLU(Σ_k ᾱ_k·A_k) at feature resolution, row-major, and the class it explains.</summary>
public sealed record GradCamMap(int ClassIndex, int Height, int Width, float[] Values);
