namespace Npa.Trainer.Export;

/// <summary>Names of the graph's input and outputs (the model package contract in ARCHITECTURE.md).</summary>
public static class OnnxOutputNames
{
    public const string Input = "input";
    public const string Probs = "probs";

    /// <summary>Branch suffixes: the first branch is "a", the second "b". A single-branch model has only "a".</summary>
    public static string Suffix(int branch) => branch switch
    {
        0 => "a",
        1 => "b",
        _ => throw new ArgumentOutOfRangeException(nameof(branch), branch, "a model has one or two branches"),
    };

    public static string Logits(int branch) => "logits_" + Suffix(branch);

    public static string Alpha(int branch) => "alpha_" + Suffix(branch);

    public static string Features(int branch) => "features_" + Suffix(branch);
}
