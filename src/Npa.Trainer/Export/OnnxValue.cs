namespace Npa.Trainer.Export;

/// <summary>A named value in the graph being written, with its shape per sample (batch dimension left out).</summary>
internal sealed record OnnxValue(string Name, IReadOnlyList<long> Shape)
{
    /// <summary>Channels of a [C,H,W] value.</summary>
    public long Channels => Shape[0];

    public string Describe() => $"[N,{string.Join(',', Shape)}]";
}
