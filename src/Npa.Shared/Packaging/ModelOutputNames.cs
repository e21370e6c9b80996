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

    /// <summary>Prefix of the per-branch logits outputs.</summary>
    public const string LogitsPrefix = "logits_";

    /// <summary>Prefix of the per-branch α outputs, [N,1] where the others are [N,C].</summary>
    public const string AlphaPrefix = "alpha_";

    /// <summary>Prefix of the optional per-branch feature-map outputs.</summary>
    public const string FeaturesPrefix = "features_";

    /// <summary>Branch suffix: the first branch (0) is "a", the second (1) "b".</summary>
    public static string Suffix(int branch) => branch switch
    {
        0 => "a",
        1 => "b",
        _ => throw new ArgumentOutOfRangeException(nameof(branch), branch, "a model has one or two branches"),
    };

    /// <summary>Logits output of branch <paramref name="branch"/> (0 or 1).</summary>
    public static string Logits(int branch) => LogitsPrefix + Suffix(branch);

    /// <summary>α output of branch <paramref name="branch"/> (0 or 1).</summary>
    public static string Alpha(int branch) => AlphaPrefix + Suffix(branch);

    /// <summary>Feature-map output of branch <paramref name="branch"/> (0 or 1).</summary>
    public static string Features(int branch) => FeaturesPrefix + Suffix(branch);

    /// <summary>Whether <paramref name="output"/> is a branch's α output.</summary>
    public static bool IsAlpha(string output) => output.StartsWith(AlphaPrefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="output"/> is a branch's feature-map output.</summary>
    public static bool IsFeatures(string output) => output.StartsWith(FeaturesPrefix, StringComparison.Ordinal);

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
