namespace Npa.Shared.Packaging;

/// <summary>How the manifest's temperature was fitted (NLL of the fused prediction on a labelled split) and what it did there.</summary>
public sealed record TemperatureCalibration
{
    /// <summary>The split it was fitted on, normally <c>val</c>, scored against the labels as given (not clean labels).</summary>
    public required string Split { get; init; }

    /// <summary>Number of samples in that split.</summary>
    public required int Samples { get; init; }

    /// <summary>Equal-width confidence bins of the ECE figures.</summary>
    public int EceBins { get; init; } = 15;

    /// <summary>Expected calibration error of the fused top-class confidence at temperature 1.</summary>
    public required double EceBefore { get; init; }

    /// <summary>Expected calibration error at the fitted temperature.</summary>
    public required double EceAfter { get; init; }

    /// <summary>Mean negative log-likelihood of the label at temperature 1.</summary>
    public required double NllBefore { get; init; }

    /// <summary>Mean negative log-likelihood at the fitted temperature.</summary>
    public required double NllAfter { get; init; }

    /// <summary>
    /// Null: the NLL of the labels as given. <c>noise_aware</c>: their NLL through the trainer's assumed label-noise model
    /// (the NLL figures above are then that likelihood's), so T calibrates the clean-label prediction.
    /// </summary>
    public string? Method { get; init; }
}
