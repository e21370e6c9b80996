using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class ForgetSchedule_Tests
{
    private static TrainConfig CoTeaching(double? forgetRate, double? ramp, int epochs = 10, double noiseRate = 0.3) => new TrainConfig() with
    {
        Data = new TrainConfig().Data with { NoiseRate = noiseRate },
        Optim = new TrainConfig().Optim with { Epochs = epochs },
        Loss = new TrainConfig().Loss with { Objective = LossOptions.CoTeachingObjective, RankRegularization = false, ForgetRate = forgetRate, ForgetRampEpochs = ramp },
    };

    [Fact]
    public void Kept_Share_Falls_Linearly_To_One_Minus_Tau_Over_The_Ramp()
    {
        var s = new ForgetSchedule(CoTeaching(0.2, 4), stepsPerEpoch: 10);
        Assert.Equal(1.0, s.KeepFraction(1, 0), 12);
        // T = 1.5 epochs: 1 − 0.2·1.5/4 = 0.925
        Assert.Equal(0.925, s.KeepFraction(2, 5), 12);
        // T = 4: 0.8, and it stays there.
        Assert.Equal(0.8, s.KeepFraction(5, 0), 12);
        Assert.Equal(0.8, s.KeepFraction(9, 7), 12);
    }

    [Fact]
    public void Unset_Tau_Is_The_Noise_Rate_And_Unset_Ramp_Is_Ten_Scaled_Epochs()
    {
        // Tk = 10 · 14 epochs / 70 reference epochs = 2.
        var s = new ForgetSchedule(CoTeaching(null, null, epochs: 14, noiseRate: 0.3), stepsPerEpoch: 4);
        Assert.Equal(0.3, s.ForgetRate, 12);
        Assert.Equal(2.0, s.RampEpochs, 12);
        // T = 1: 1 − 0.3·1/2 = 0.85
        Assert.Equal(0.85, s.KeepFraction(2, 0), 12);
    }
}
