using Npa.Monitor.Aggregation;

namespace Npa.Monitor.Tests.Aggregation;

public class Smoother_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ema_Moves_Half_Way_After_One_Half_Life()
    {
        var ema = new EmaSmoother(halfLifeSeconds: 2);
        ema.Add(T0, 0);

        double after = ema.Add(T0.AddSeconds(2), 6);

        Assert.Equal(3, after, 9);
    }

    [Fact]
    public void Ema_Weights_By_Elapsed_Time_Not_By_Sample_Count()
    {
        var fast = new EmaSmoother(2);
        var slow = new EmaSmoother(2);
        fast.Add(T0, 0);
        slow.Add(T0, 0);
        double f = 0;
        for (int i = 1; i <= 8; i++) f = fast.Add(T0.AddSeconds(i * 0.5), 6);
        double s = slow.Add(T0.AddSeconds(4), 6);

        Assert.Equal(s, f, 9);
        Assert.Equal(4.5, s, 9);
    }

    [Fact]
    public void Ema_Reset_Starts_From_The_Next_Score()
    {
        var ema = new EmaSmoother(2);
        ema.Add(T0, 0);
        ema.Reset();

        Assert.Equal(5, ema.Add(T0.AddSeconds(1), 5));
    }

    [Fact]
    public void Median_Ignores_A_Single_Spike()
    {
        var median = new MedianSmoother(5);
        double last = 0;
        foreach (var s in new[] { 1.0, 1.2, 7.0, 0.8, 1.1 }) last = median.Add(T0, s);

        Assert.Equal(1.1, last, 9);
    }

    [Fact]
    public void Median_Forgets_Scores_Older_Than_The_Window()
    {
        var median = new MedianSmoother(3);
        double last = 0;
        foreach (var s in new[] { 0.0, 0.0, 0.0, 5.0, 5.0 }) last = median.Add(T0, s);

        Assert.Equal(5, last);
    }
}
