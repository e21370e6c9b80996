namespace Npa.Monitor.Models;

/// <summary>One held-out image as one model scored it.</summary>
/// <param name="Label">The manifest's NIPS label (0..7).</param>
/// <param name="Level">The model's arg-max NIPS class.</param>
/// <param name="ExpectedScore">The model's expected score Σ k·p_k (what the monitor publishes as its score).</param>
public sealed record GateSample(int Label, int Level, double ExpectedScore);
