namespace Npa.Shared.Datasets;

/// <summary>Which part of an experiment a sample belongs to; written as <c>train</c>, <c>val</c>, <c>test</c>, <c>val_clean</c>.</summary>
public enum DatasetSplit
{
    /// <summary>Training set (<c>train</c>).</summary>
    Train,

    /// <summary>Validation set (<c>val</c>; <c>validation</c> is accepted on read).</summary>
    Validation,

    /// <summary>Held-out test set (<c>test</c>).</summary>
    Test,

    /// <summary>
    /// A trusted validation subset whose labels were checked (<c>val_clean</c>): the trainer may select the kept epoch
    /// and network on it, and says so in its report.
    /// </summary>
    ValidationClean,
}
