using Npa.Monitor.Annotation;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Annotation;

public class LoginThrottle_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Five_Failures_For_A_Name_Block_It_For_A_Minute_From_The_Oldest()
    {
        var clock = new ManualClock(T0);
        var throttle = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++)
        {
            Assert.False(throttle.IsBlocked("ann"));
            throttle.Failed("ann");
            clock.Now += TimeSpan.FromSeconds(1);
        }

        Assert.True(throttle.IsBlocked("ann"));
        Assert.False(throttle.IsBlocked("bob"));
        clock.Now = T0 + TimeSpan.FromSeconds(59.9);
        Assert.True(throttle.IsBlocked("ann"));
        clock.Now = T0 + TimeSpan.FromSeconds(60); // the first failure (at T0) has left the window: four remain
        Assert.False(throttle.IsBlocked("ann"));
    }

    [Fact]
    public void Thirty_Failures_Over_Made_Up_Names_Block_Every_Name()
    {
        var throttle = new LoginThrottle(new ManualClock(T0));
        for (int i = 0; i < 30; i++) throttle.Failed($"guess-{i}");

        Assert.True(throttle.IsBlocked("ann"));
    }

    [Fact]
    public void A_Successful_Login_Clears_That_Names_Failures()
    {
        var throttle = new LoginThrottle(new ManualClock(T0));
        for (int i = 0; i < 4; i++) throttle.Failed("ann");

        throttle.Succeeded("ann");
        throttle.Failed("ann");

        Assert.False(throttle.IsBlocked("ann"));
    }
}
