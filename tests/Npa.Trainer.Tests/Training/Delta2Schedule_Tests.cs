using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class Delta2Schedule_Tests
{
    // Paper: 0.4 through epoch 50, then linear to 0.8 at 70: epoch 60 → 0.4 + 0.4·(10/20) = 0.6
    [Theory]
    [InlineData(1, 0.4)]
    [InlineData(50, 0.4)]
    [InlineData(60, 0.6)]
    [InlineData(65, 0.7)]
    [InlineData(70, 0.8)]
    public void Paper_Schedule_Over_70_Epochs(int epoch, double expected) =>
        Assert.Equal(expected, new Delta2Schedule(new RelabelOptions(), 70).At(epoch), 9);

    // 35 epochs: rise point 50·35/70 = 25; epoch 30 → 0.4 + 0.4·(5/10) = 0.6
    [Theory]
    [InlineData(25, 0.4)]
    [InlineData(30, 0.6)]
    [InlineData(35, 0.8)]
    public void Schedule_Scales_With_Epoch_Count(int epoch, double expected) =>
        Assert.Equal(expected, new Delta2Schedule(new RelabelOptions(), 35).At(epoch), 9);
}
