namespace Npa.Shared.Packaging;

/// <summary>Names of the ONNX outputs of a model package; branch a is the first branch, b the second.</summary>
public static class ModelOutputNames
{
    /// <summary>The ONNX input, [N,3,H,W] float32.</summary>
    public const string Input = "input";

    /// <summary>Fused probabilities [N,C]: mean of the branches' softmax of α-scaled logits.</summary>
    public const string Probs = "probs";

    /// <summary>Branch a logits [N,C].</summary>
    public const string LogitsA = "logits_a";

    /// <summary>Branch b logits [N,C].</summary>
    public const string LogitsB = "logits_b";

    /// <summary>Branch a uncertainty weight α [N,1].</summary>
    public const string AlphaA = "alpha_a";

    /// <summary>Branch b uncertainty weight α [N,1].</summary>
    public const string AlphaB = "alpha_b";

    /// <summary>Branch a last feature maps (optional, for CAM).</summary>
    public const string FeaturesA = "features_a";

    /// <summary>Branch b last feature maps (optional, for CAM).</summary>
    public const string FeaturesB = "features_b";

    /// <summary>The outputs a model with <paramref name="branchCount"/> branches (1 or 2) must have, without features.</summary>
    public static IReadOnlyList<string> Required(int branchCount) => branchCount switch
    {
        1 => [Probs, LogitsA, AlphaA],
        2 => [Probs, LogitsA, LogitsB, AlphaA, AlphaB],
        _ => throw new ArgumentOutOfRangeException(nameof(branchCount), branchCount, "a model has 1 or 2 branches"),
    };

    /// <summary>The optional feature outputs of a model with <paramref name="branchCount"/> branches.</summary>
    public static IReadOnlyList<string> Optional(int branchCount) => branchCount == 1 ? [FeaturesA] : [FeaturesA, FeaturesB];
}
