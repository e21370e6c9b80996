using Npa.Monitor.Aggregation;
using Npa.Monitor.Inference;
using Npa.Monitor.Pipeline;
using Npa.Monitor.Publishing;
using Npa.Monitor.Tests.Support;
using Npa.Shared.Nips;
using OpenCvSharp;

namespace Npa.Monitor.Tests.Publishing;

/// <summary>The assessment message says what the bed's aggregator did with it: the same gate decides both.</summary>
public class AssessmentMessageGate_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReadingGate Gate = new(MinConfidence: 0.4, MaxScoreSpread: 1.1);

    private static Npa.Shared.Messages.AssessmentMessage Publish(InferenceResult result)
    {
        using var frame = PreparedFrame.Ready("bed-1", 1, T0, new float[3], new Mat(4, 4, MatType.CV_8UC3), new Rect(0, 0, 4, 4), 0.9, null);
        return MqttMessages.Assessment(new AssessedFrame(frame, result, T0, 12, 0.5), 1, Gate);
    }

    private static InferenceResult Result(float[] p) => new(p, p, 0.8f, 0.8f, p, NipsScale.ExpectedScore(p), NipsScale.ArgMax(p),
        NipsScale.CategoryOf(NipsScale.ArgMax(p)), true, p.Max(), "m");

    [Fact]
    public void A_Narrow_Confident_Read_Is_Not_Low_Confidence()
    {
        var message = Publish(TestResults.Score(5.25));

        // 0.75 at 5, 0.25 at 6: variance 0.75·0.25² + 0.25·0.75² = 0.1875.
        Assert.Equal(Math.Sqrt(0.1875), message.ScoreSpread, 5);
        Assert.False(message.LowConfidence);
    }

    [Fact]
    public void A_Spread_Out_Read_Is_Low_Confidence_Though_Its_Top_Probability_Passes()
    {
        var message = Publish(Result([0, 0.42f, 0, 0, 0, 0, 0, 0.58f]));

        Assert.Equal(0.58, message.Confidence, 5);
        Assert.True(message.ScoreSpread > 2.9);
        Assert.True(message.LowConfidence);
    }

    [Fact]
    public void A_Low_Top_Probability_Is_Low_Confidence_Though_Its_Spread_Is_Small()
    {
        var message = Publish(Result([0, 0, 0, 0.35f, 0.33f, 0.32f, 0, 0]));

        Assert.True(message.ScoreSpread < 1.1);
        Assert.True(message.LowConfidence);
    }
}
