using Npa.Trainer.Evaluation;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class ClassificationMetrics_Tests
{
    // truth:     0    0    1    1    2    2
    // predicted: 0    1    1    1    2    0     (argmax of the rows below)
    // conf:      0.9  0.4  0.7  0.8  0.6  0.5
    private static readonly int[] Truth = [0, 0, 1, 1, 2, 2];
    private static readonly float[][] Probs =
    [
        [0.9f, 0.05f, 0.05f],
        [0.3f, 0.4f, 0.3f],
        [0.2f, 0.7f, 0.1f],
        [0.1f, 0.8f, 0.1f],
        [0.2f, 0.2f, 0.6f],
        [0.5f, 0.1f, 0.4f],
    ];

    [Fact]
    public void Hand_Made_Predictions_Give_Hand_Computed_Metrics()
    {
        var r = ClassificationMetrics.Compute(Truth, Probs, 3, eceBins: 2);
        Assert.Equal(4.0 / 6, r.Accuracy, 9);
        // Confusion rows (truth) × columns (prediction).
        Assert.Equal(new[] { 1, 1, 0 }, r.Confusion[0]);
        Assert.Equal(new[] { 0, 2, 0 }, r.Confusion[1]);
        Assert.Equal(new[] { 1, 0, 1 }, r.Confusion[2]);
        Assert.Equal(new[] { 0.5, 1.0, 0.5 }, r.Recall);
        // F1_k = 2TP/(actual + predicted): 2·1/(2+2) = 0.5, 2·2/(2+3) = 0.8, 2·1/(2+1) = 0.6667 → mean 0.6555556
        Assert.Equal(0.6555556, r.MacroF1, 6);
        // |errors| = 0,1,0,0,0,2 → 3/6
        Assert.Equal(0.5, r.MeanAbsoluteError, 9);
        // Bins (0,0.5] and (0.5,1]: bin 0 = {0.4 ✗, 0.5 ✗}: |0 − 0.45|·2/6 = 0.15;
        // bin 1 = {0.9 ✓, 0.7 ✓, 0.8 ✓, 0.6 ✓}: |1 − 0.75|·4/6 = 0.1666667 → ECE = 0.3166667
        Assert.Equal(0.3166667, r.ExpectedCalibrationError, 6);
    }

    [Fact]
    public void Perfect_Confident_Predictions_Give_Perfect_Metrics()
    {
        float[][] p = [[1f, 0f], [0f, 1f]];
        var r = ClassificationMetrics.Compute([0, 1], p, 2);
        Assert.Equal((1.0, 1.0, 0.0, 0.0), (r.Accuracy, r.MacroF1, r.MeanAbsoluteError, r.ExpectedCalibrationError));
    }

    [Fact]
    public void Class_Without_Samples_Has_NaN_Recall()
    {
        float[][] p = [[1f, 0f, 0f], [0f, 1f, 0f]];
        var r = ClassificationMetrics.Compute([0, 1], p, 3);
        Assert.True(double.IsNaN(r.Recall[2]));
        Assert.Equal(1.0, r.MacroF1, 9); // class 2 absent from truth and prediction: not averaged
    }

    [Fact]
    public void Label_Out_Of_Range_Gives_Clear_Error()
    {
        float[][] p = [[1f, 0f]];
        var e = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([5], p, 2));
        Assert.Contains("label 5 of sample 0 is outside 0..1", e.Message, StringComparison.Ordinal);
    }
}
