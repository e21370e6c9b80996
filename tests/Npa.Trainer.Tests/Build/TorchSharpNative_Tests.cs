using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Build;

public sealed class TorchSharpNative_Tests
{
    [Fact]
    public void TorchSharp_Loads_And_Sums_Ones()
    {
        using var ones = torch.ones(2, 2);
        using var sum = ones.sum();
        Assert.Equal(4f, sum.item<float>());
    }

    [Fact]
    public void Library_In_Output_Folder_Loads_On_This_System()
    {
        string library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.True(File.Exists(library), $"missing {library}");
        using var x = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var y = x.matmul(x.t());
        Assert.Equal(new long[] { 2, 2 }, y.shape);
        Assert.Equal(50f, y[1, 1].item<float>()); // 3*3 + 4*4 + 5*5
    }
}
