using Npa.Shared.Datasets;

namespace Npa.Shared.Tests.Datasets;

public sealed class LabelNoise_Tests
{
    // Class sizes chosen so that 10 % rounds up (25 → 2.5 → 3, 5 → 0.5 → 1), down (14 → 1.4 → 1) and is exact (30, 40).
    private static readonly int[] ClassSizes = [30, 25, 14, 40, 5, 11, 20, 6];
    private static readonly int[] ExpectedFlipsPerClass = [3, 3, 1, 4, 1, 1, 2, 1];

    private static int[] Labels(int[] sizes, int seed)
    {
        var labels = sizes.SelectMany((n, c) => Enumerable.Repeat(c, n)).ToArray();
        new Random(seed).Shuffle(labels);
        return labels;
    }

    [Fact]
    public void Paper_Noise_Flips_Ten_Percent_Of_Each_Class()
    {
        var labels = Labels(ClassSizes, 1);
        var result = LabelNoise.AddPaperNoise(labels, seed: 42);
        var perClass = new int[8];
        foreach (int i in result.FlippedIndices) perClass[labels[i]]++;
        Assert.Equal(ExpectedFlipsPerClass, perClass);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(123)]
    [InlineData(2024)]
    public void Paper_Noise_Changes_Each_Chosen_Label_By_One_To_Three_Within_Range(int seed)
    {
        var labels = Labels(ClassSizes, seed);
        var result = LabelNoise.AddPaperNoise(labels, seed);
        var flipped = result.FlippedIndices.ToHashSet();
        Assert.Equal(labels.Length, result.NoisyLabels.Count);
        Assert.Equal(flipped.Count, result.FlippedIndices.Count);
        Assert.Equal(result.FlippedIndices.Order(), result.FlippedIndices);
        for (int i = 0; i < labels.Length; i++)
        {
            int noisy = result.NoisyLabels[i];
            Assert.InRange(noisy, 0, 7);
            if (flipped.Contains(i)) Assert.Contains(Math.Abs(noisy - labels[i]), new[] { 1, 2, 3 });
            else Assert.Equal(labels[i], noisy);
        }
    }

    [Fact]
    public void Paper_Noise_Uses_Every_Epsilon_And_Both_Signs()
    {
        var labels = Labels([500, 500, 500, 500, 500, 500, 500, 500], 3);
        var result = LabelNoise.AddPaperNoise(labels, seed: 5, fraction: 1.0);
        var deltas = result.FlippedIndices.Select(i => result.NoisyLabels[i] - labels[i]).ToList();
        Assert.Equal(labels.Length, deltas.Count);
        Assert.Equal([-3, -2, -1, 1, 2, 3], deltas.Distinct().Order());
        // Class 0 can only go up and class 7 only down: the other sign is taken, never a clamp to the same label.
        Assert.All(result.FlippedIndices.Where(i => labels[i] == 0), i => Assert.True(result.NoisyLabels[i] > 0));
        Assert.All(result.FlippedIndices.Where(i => labels[i] == 7), i => Assert.True(result.NoisyLabels[i] < 7));
    }

    [Fact]
    public void Paper_Noise_Redraws_Epsilon_When_Both_Signs_Leave_A_Small_Range()
    {
        var labels = Labels([100, 100, 100], 9);
        var result = LabelNoise.AddPaperNoise(labels, seed: 9, fraction: 1.0, classCount: 3);
        Assert.Equal(300, result.FlippedIndices.Count);
        Assert.All(Enumerable.Range(0, 300), i =>
        {
            Assert.InRange(result.NoisyLabels[i], 0, 2);
            Assert.NotEqual(labels[i], result.NoisyLabels[i]);
        });
    }

    [Fact]
    public void Same_Seed_Gives_Same_Noise_And_Other_Seed_Differs()
    {
        var labels = Labels(ClassSizes, 11);
        var a = LabelNoise.AddPaperNoise(labels, seed: 1);
        var b = LabelNoise.AddPaperNoise(labels, seed: 1);
        var c = LabelNoise.AddPaperNoise(labels, seed: 2);
        Assert.Equal(a.NoisyLabels, b.NoisyLabels);
        Assert.Equal(a.FlippedIndices, b.FlippedIndices);
        Assert.NotEqual(a.FlippedIndices, c.FlippedIndices);
    }

    [Fact]
    public void Symmetric_Noise_Flips_The_Rounded_Fraction_To_Other_Classes()
    {
        var labels = Labels([200, 200, 200, 200, 200, 200, 200, 200], 4);
        var result = LabelNoise.AddSymmetricNoise(labels, seed: 4, fraction: 0.25);
        Assert.Equal(400, result.FlippedIndices.Count);
        Assert.All(result.FlippedIndices, i => Assert.NotEqual(labels[i], result.NoisyLabels[i]));
        Assert.All(result.NoisyLabels, l => Assert.InRange(l, 0, 7));
        // Uniform over the other classes: from class 3, every one of the 7 others occurs, including far ones.
        var targets = result.FlippedIndices.Where(i => labels[i] == 3).Select(i => result.NoisyLabels[i]).Distinct().Order();
        Assert.Equal([0, 1, 2, 4, 5, 6, 7], targets);
    }

    [Fact]
    public void Occlusion_Noise_Uses_Separate_Rates()
    {
        var labels = Labels([25, 25, 25, 25, 25, 25, 25, 25], 6);
        var occluded = labels.Select((_, i) => i % 4 == 0).ToArray(); // 50 occluded, 150 not
        var result = LabelNoise.AddOcclusionNoise(labels, occluded, seed: 6, occludedRate: 0.3, unoccludedRate: 0.05);
        Assert.Equal(15, result.FlippedIndices.Count(i => occluded[i]));
        Assert.Equal(8, result.FlippedIndices.Count(i => !occluded[i])); // 7.5 rounds away from zero
        Assert.All(result.FlippedIndices, i => Assert.NotEqual(labels[i], result.NoisyLabels[i]));
    }

    [Fact]
    public void Occlusion_Noise_Can_Use_The_Paper_Flip()
    {
        var labels = Labels([25, 25, 25, 25, 25, 25, 25, 25], 8);
        var occluded = labels.Select((_, i) => i % 2 == 0).ToArray();
        var result = LabelNoise.AddOcclusionNoise(labels, occluded, 8, 1.0, 0.0, LabelNoiseKind.Adjacent);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => 2 * i), result.FlippedIndices);
        Assert.All(result.FlippedIndices, i => Assert.InRange(Math.Abs(labels[i] - result.NoisyLabels[i]), 1, 3));
    }

    [Fact]
    public void Label_Out_Of_Range_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => LabelNoise.AddPaperNoise([1, 8], seed: 0));
        Assert.StartsWith("label 8 at index 1 is out of range 0..7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fraction_Outside_Zero_To_One_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LabelNoise.AddSymmetricNoise([1, 2], seed: 0, fraction: 1.5));
        Assert.StartsWith("fraction must lie in [0, 1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Occlusion_Flags_Must_Match_Labels()
    {
        var ex = Assert.Throws<ArgumentException>(() => LabelNoise.AddOcclusionNoise([1, 2], [true], 0, 0.1, 0.1));
        Assert.StartsWith("got 1 occlusion flags for 2 labels", ex.Message, StringComparison.Ordinal);
    }
}
