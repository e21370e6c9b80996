namespace Npa.Trainer.Pretrained;

/// <summary>What a pretrained load did: where from, into which backbone, how many entries, and which classifier keys it skipped.</summary>
public sealed record PretrainedLoadResult(string Source, string Backbone, int LoadedCount, IReadOnlyList<string> IgnoredHeadKeys);
