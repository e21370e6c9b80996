using Npa.Trainer.Evaluation;

namespace Npa.Trainer.Tests.Evaluation;

public sealed class RelabelAccounting_Tests
{
    [Fact]
    public void Precision_Recall_And_Broken_Labels_Follow_The_Clean_Labels()
    {
        // sample:     0  1  2  3  4  5  6
        int[] given = [1, 2, 3, 0, 0, 4, 5];
        int[] current = [0, 2, 1, 0, 3, 4, 6];
        int?[] clean = [0, 1, 1, 0, 0, 4, null];
        // Noisy as given: 0 (1≠0), 1 (2≠1), 2 (3≠1) → 3; fixed: 0 and 2 → recall 2/3.
        // Changed (known clean): 0, 2, 4 → 3; now clean: 0 and 2 → precision 2/3. Sample 6 has no clean label and is skipped.
        // Broken: 4 was given its clean 0 and now carries 3 → 1.
        var a = RelabelAccounting.Compute(given, current, clean);
        Assert.Equal(new RelabelAccounting(Changed: 3, ChangedToClean: 2, Noisy: 3, NoisyFixed: 2, CleanBroken: 1), a);
        Assert.Equal(2.0 / 3.0, a.Precision, 12);
        Assert.Equal(2.0 / 3.0, a.Recall, 12);
    }

    [Fact]
    public void Nothing_Changed_Gives_NaN_Precision_And_Zero_Recall()
    {
        var a = RelabelAccounting.Compute([1, 0], [1, 0], [0, 0]);
        Assert.True(double.IsNaN(a.Precision));
        Assert.Equal(0.0, a.Recall);
        Assert.Equal(0, a.CleanBroken);
    }
}
