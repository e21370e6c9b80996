using Npa.Trainer.Models;
using Npa.Trainer.Pretrained;
using Npa.Trainer.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Pretrained;

public class StateDictFile_Tests
{
    // Written by Debian's PyTorch 1.13 (scripts/reference/torch_sample.py): resnet18's conv1/bn1 with the formula weights.
    private static string TorchSample => TorchvisionReference.PathOf("resnet18_stem.pt");

    [Fact]
    public void File_Written_By_Torch_Save_Reads_With_Its_Keys_And_Values()
    {
        using var reference = BackboneRegistry.Create("resnet18");
        DeterministicWeights.Fill(reference);
        var expected = reference.state_dict();

        var read = StateDictFile.Read(TorchSample);
        try
        {
            Assert.Equal(["bn1.bias", "bn1.num_batches_tracked", "bn1.running_mean", "bn1.running_var", "bn1.weight", "conv1.weight"],
                read.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in read)
            {
                Assert.Equal(expected[key].shape, value.shape);
                Assert.Equal(expected[key].dtype, value.dtype);
                Assert.True(value.equal(expected[key]).all().item<bool>(), $"{key} differs from the formula");
            }
        }
        finally
        {
            foreach (var tensor in read.Values) tensor.Dispose();
        }
    }

    [Fact]
    public void Partial_Torch_File_Is_Refused_With_The_Missing_Keys()
    {
        using var backbone = BackboneRegistry.Create("resnet18");
        var error = Assert.Throws<InvalidDataException>(() => PretrainedWeights.LoadInto(backbone, TorchSample));
        Assert.Contains("do not fit backbone 'resnet18': it lacks 114 key(s) the backbone needs ('layer1.0.conv1.weight'", error.Message, StringComparison.Ordinal);
    }
}
