using Npa.Trainer.Evaluation;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class ConfusionMatrixPlot_Tests
{
    [Fact]
    public void Writes_A_Png()
    {
        string path = Path.Combine(Path.GetTempPath(), $"confusion-{Guid.NewGuid():N}.png");
        try
        {
            float[][] p = [[0.9f, 0.1f], [0.2f, 0.8f], [0.6f, 0.4f]];
            ConfusionMatrixPlot.Save(ClassificationMetrics.Compute([0, 1, 1], p, 2), ["no pain", "pain"], path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Wrong_Class_Name_Count_Gives_Clear_Error()
    {
        float[][] p = [[0.9f, 0.1f]];
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Save(ClassificationMetrics.Compute([0], p, 2), ["a"], "x.png"));
        Assert.Contains("1 class names for a 2×2 matrix", e.Message, StringComparison.Ordinal);
    }
}
