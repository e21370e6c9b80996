using Npa.Shared.Packaging;

namespace Npa.Trainer.Calibration;

/// <summary>A fitted calibration temperature and what it did to the samples it was fitted on.</summary>
/// <param name="Temperature">T: every branch's probabilities become softmax(α·logits / T).</param>
/// <param name="Samples">Number of samples fitted on.</param>
/// <param name="NllBefore">Mean negative log-likelihood of the labels at T = 1.</param>
/// <param name="NllAfter">Mean negative log-likelihood at <paramref name="Temperature"/>.</param>
/// <param name="EceBefore">Expected calibration error of the fused confidence at T = 1.</param>
/// <param name="EceAfter">Expected calibration error at <paramref name="Temperature"/>.</param>
/// <param name="EceBins">Equal-width bins of the ECE figures.</param>
public sealed record TemperatureFit(double Temperature, int Samples, double NllBefore, double NllAfter, double EceBefore, double EceAfter, int EceBins)
{
    /// <summary>The manifest's record of this fit on split <paramref name="split"/>.</summary>
    public TemperatureCalibration ToCalibration(string split) => new()
    {
        Split = split,
        Samples = Samples,
        EceBins = EceBins,
        EceBefore = EceBefore,
        EceAfter = EceAfter,
        NllBefore = NllBefore,
        NllAfter = NllAfter,
        Method = ThroughNoiseModel ? Training.Options.ModelOptions.NoiseAwareTemperatureFit : null,
    };

    /// <summary>True when the likelihood was that of the labels through the assumed noise model (<c>temperature_fit = noise_aware</c>).</summary>
    public bool ThroughNoiseModel { get; init; }
}
