using System.Text;
using Npa.Shared.Packaging;

namespace Npa.Shared.Tests.Packaging;

public sealed class ModelOutputNames_Tests
{
    [Fact]
    public void Branch_Names_Are_Prefix_And_Letter()
    {
        Assert.Equal(["logits_a", "alpha_a", "features_a"], [ModelOutputNames.Logits(0), ModelOutputNames.Alpha(0), ModelOutputNames.Features(0)]);
        Assert.Equal([ModelOutputNames.LogitsB, ModelOutputNames.AlphaB, ModelOutputNames.FeaturesB], [ModelOutputNames.Logits(1), ModelOutputNames.Alpha(1), ModelOutputNames.Features(1)]);
    }

    [Fact]
    public void Third_Branch_Is_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelOutputNames.Suffix(2));

    [Theory]
    [InlineData("alpha_b", true, false)]
    [InlineData("features_a", false, true)]
    [InlineData("logits_a", false, false)]
    [InlineData("probs", false, false)]
    public void Output_Kind_Is_Read_From_Its_Prefix(string output, bool alpha, bool features)
    {
        Assert.Equal(alpha, ModelOutputNames.IsAlpha(output));
        Assert.Equal(features, ModelOutputNames.IsFeatures(output));
    }

    // FIPS 180-2 test vector for "abc", the same digest the file overload gives for a file holding "abc".
    [Fact]
    public void Sha256_Of_Bytes_Is_Lowercase_Hex() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelPackageFiles.ComputeSha256(Encoding.ASCII.GetBytes("abc")));
}
