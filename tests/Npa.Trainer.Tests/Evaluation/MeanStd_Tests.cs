using Npa.Trainer.Evaluation;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class MeanStd_Tests
{
    // 80, 81, 82: mean 81; sample variance ((−1)² + 0 + 1²)/(3 − 1) = 1 → std 1
    [Fact]
    public void Three_Values_Give_Sample_Std() => Assert.Equal(new MeanStd(81, 1, 3), MeanStd.Of([80.0, 81.0, 82.0]));

    [Fact]
    public void One_Value_Has_Zero_Std() => Assert.Equal(new MeanStd(5, 0, 1), MeanStd.Of([5.0]));
}
