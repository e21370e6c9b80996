using Npa.Trainer.Training.CoDivision;

namespace Npa.Trainer.Tests.Training.CoDivision;

public sealed class CoDivide_Tests : IDisposable
{
    private readonly string run = Path.Combine(Path.GetTempPath(), $"npa-codivide-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
    }

    // Branch A finds samples 0, 1 easy and 2, 3 hard; branch B finds 1, 2 easy and 0, 3 hard.
    private static CoDivide Divided(string? folder)
    {
        var divide = new CoDivide(samples: 4, branches: 2, folder);
        divide.Record([0, 1], [[0.10f, 0.20f], [2.00f, 0.10f]]);
        divide.Record([2, 3], [[2.00f, 2.10f], [0.20f, 2.10f]]);
        divide.EndEpoch(1);
        return divide;
    }

    [Fact]
    public void Each_Branch_Alpha_Target_Is_The_Other_Branch_Clean_Probability()
    {
        var divide = Divided(null);
        float[] forA = divide.AlphaTargets(0, [0, 1, 2, 3]);
        float[] forB = divide.AlphaTargets(1, [0, 1, 2, 3]);
        // A's α learns B's view (1, 2 clean); B's α learns A's view (0, 1 clean).
        Assert.Equal([false, true, true, false], forA.Select(p => p > 0.5f).ToArray());
        Assert.Equal([true, true, false, false], forB.Select(p => p > 0.5f).ToArray());
        Assert.All(forA.Concat(forB), p => Assert.True(p < 0.01f || p > 0.99f, $"{p} is not decided"));
        // A batch in another order gets its own samples' targets.
        Assert.Equal(new[] { forA[3], forA[1] }, divide.AlphaTargets(0, [3, 1]));
    }

    [Fact]
    public void A_Sample_Both_Branches_Find_Hard_Looks_Noisy()
    {
        var divide = new CoDivide(4, 2, null);
        divide.Record([0, 1, 2, 3], [[0.10f, 0.15f, 2.20f, 2.00f], [0.15f, 0.10f, 2.00f, 2.20f]]);
        divide.EndEpoch(1);
        Assert.Equal([false, false, true, true], divide.LooksNoisy([0, 1, 2, 3]));
    }

    [Fact]
    public void No_Targets_Before_The_First_Epoch_Ends()
    {
        var divide = new CoDivide(4, 2, null);
        Assert.False(divide.HasTargets);
        Assert.Throws<InvalidOperationException>(() => divide.AlphaTargets(0, [0]));
    }

    [Fact]
    public void A_Sample_The_Epoch_Did_Not_See_Counts_As_Clean()
    {
        var divide = new CoDivide(5, 2, null);
        divide.Record([0, 1, 2, 3], [[0.10f, 0.20f, 2.00f, 2.10f], [0.10f, 0.20f, 2.00f, 2.10f]]);
        divide.EndEpoch(1);
        Assert.Equal(1f, divide.AlphaTargets(0, [4])[0]);
    }

    [Fact]
    public void Saved_Epoch_Resumes_To_The_Same_Targets()
    {
        var divide = Divided(run);
        string file = CoDivide.EpochFile(run, 1);
        Assert.True(File.Exists(file));
        Assert.Equal("sample,clean_a,clean_b", File.ReadLines(file).First());

        var resumed = new CoDivide(4, 2, run);
        resumed.Resume(1);
        Assert.True(resumed.HasTargets);
        Assert.Equal(divide.AlphaTargets(0, [0, 1, 2, 3]), resumed.AlphaTargets(0, [0, 1, 2, 3]));
        Assert.Equal(divide.AlphaTargets(1, [0, 1, 2, 3]), resumed.AlphaTargets(1, [0, 1, 2, 3]));
    }

    [Fact]
    public void Resume_Against_Another_Training_Set_Is_Refused_With_The_Fix()
    {
        Divided(run);
        var other = new CoDivide(6, 2, run);
        var e = Assert.Throws<InvalidDataException>(() => other.Resume(1));
        Assert.Contains("4 samples, the training set has 6", e.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_Two_Branches_Can_Cross()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoDivide(4, 1, null));
    }
}
