namespace Npa.Trainer.Retraining;

/// <summary>What <c>npa-train retrain</c> was asked to do.</summary>
public sealed record RetrainOptions
{
    /// <summary>Base training manifest (the set the serving model was trained on).</summary>
    public required string BaseManifest { get; init; }

    /// <summary>Flagged-frame export folders (or their manifest.csv), after annotators labelled them; later ones win for a repeated frame id.</summary>
    public required IReadOnlyList<string> FlagExports { get; init; }

    /// <summary>Finished training run to fine-tune from (config.json, outcome.json, best/).</summary>
    public required string FromRun { get; init; }

    /// <summary>New run folder to train into; must not hold a finished run.</summary>
    public required string OutRun { get; init; }

    /// <summary>Candidate package folder to write.</summary>
    public required string PackageOut { get; init; }

    /// <summary>Fine-tuning epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Learning rate; null takes a tenth of the source run's (fine-tuning moves less than training from scratch).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Fraction of unsplit groups (beds, subjects) held for validation.</summary>
    public double ValidationFraction { get; init; } = 0.25;

    /// <summary>Fraction of unsplit groups held out of training for <c>gate</c> (written as heldout.csv).</summary>
    public double HeldoutFraction { get; init; } = 0.2;

    /// <summary>Seed of the split, weights order and augmentation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>libtorch threads; null keeps the source run's.</summary>
    public int? Threads { get; init; }

    /// <summary>Candidate model id; null gives &lt;source preset&gt;-retrain-&lt;config hash&gt;.</summary>
    public string? ModelId { get; init; }
}
