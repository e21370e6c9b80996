using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class CosineSchedule_Tests
{
    // Per epoch, T = 4, lr0 = 1e-4: lr(t) = 1e-4·(1 + cos(π·t/4))/2 → t=0: 1e-4, t=1: 0.8535534e-4, t=2: 0.5e-4, t=3: 0.1464466e-4
    [Theory]
    [InlineData(1, 1e-4)]
    [InlineData(2, 0.8535534e-4)]
    [InlineData(3, 0.5e-4)]
    [InlineData(4, 0.1464466e-4)]
    public void Epoch_Unit_Follows_Cosine(int epoch, double expected) =>
        Assert.Equal(expected, new CosineSchedule(new OptimOptions { Epochs = 4 }, 10).At(epoch, 7), 10);

    // Per step, 2 epochs × 2 steps, T = 4: epoch 2 step 0 is t = 2 → 0.5e-4.
    [Fact]
    public void Step_Unit_Counts_Optimizer_Steps() =>
        Assert.Equal(0.5e-4, new CosineSchedule(new OptimOptions { Epochs = 2, CosineUnit = "step" }, 2).At(2, 0), 12);
}
