namespace Npa.Shared.Datasets;

/// <summary>Which part of an experiment a sample belongs to; written as <c>train</c>, <c>val</c>, <c>test</c>.</summary>
public enum DatasetSplit
{
    /// <summary>Training set (<c>train</c>).</summary>
    Train,

    /// <summary>Validation set (<c>val</c>; <c>validation</c> is accepted on read).</summary>
    Validation,

    /// <summary>Held-out test set (<c>test</c>).</summary>
    Test,
}
