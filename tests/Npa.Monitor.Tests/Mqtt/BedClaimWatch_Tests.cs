using Npa.Monitor.Mqtt;

namespace Npa.Monitor.Tests.Mqtt;

public sealed class BedClaimWatch_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Claim_Lists_The_Own_Beds_Once_In_Order()
    {
        var watch = new BedClaimWatch("m1", ["b2", "b1", "b2"]);
        var claim = watch.Claim(3, T0);
        Assert.Equal(("m1", 3L, T0), (claim.MonitorId, claim.Seq, claim.Time));
        Assert.Equal(["b1", "b2"], claim.Beds);
    }

    [Fact]
    public void Another_Instance_Claiming_An_Own_Bed_Is_A_New_Conflict_Once()
    {
        var watch = new BedClaimWatch("m1", ["b1", "b2"]);
        var fresh = watch.Observe("m2", ["b2", "b9"], out bool changed);
        Assert.True(changed);
        var conflict = Assert.Single(fresh);
        Assert.Equal("b2", conflict.BedId);
        Assert.Equal(["m2"], conflict.ClaimedBy);

        // The same claim again (a reconnect) is no news.
        Assert.Empty(watch.Observe("m2", ["b2", "b9"], out changed));
        Assert.False(changed);

        // A third instance on the same bed is news, and both show.
        fresh = watch.Observe("m3", ["b2"], out changed);
        Assert.True(changed);
        Assert.Equal(["m2", "m3"], Assert.Single(fresh).ClaimedBy);
    }

    [Fact]
    public void A_Cleared_Or_Moved_Claim_Ends_The_Conflict()
    {
        var watch = new BedClaimWatch("m1", ["b1"]);
        watch.Observe("m2", ["b1"], out _);
        Assert.Single(watch.Conflicts);
        Assert.Empty(watch.Observe("m2", null, out bool changed));
        Assert.True(changed);
        Assert.Empty(watch.Conflicts);
        watch.Observe("m2", ["b1"], out _);
        watch.Observe("m2", ["b5"], out changed);
        Assert.True(changed);
        Assert.Empty(watch.Conflicts);
    }

    [Fact]
    public void Own_Claim_Read_Back_Is_Not_A_Conflict()
    {
        var watch = new BedClaimWatch("m1", ["b1"]);
        Assert.Empty(watch.Observe("m1", ["b1"], out bool changed));
        Assert.False(changed);
        Assert.Empty(watch.Conflicts);
    }
}
