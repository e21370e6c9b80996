using Npa.Trainer.Models;
using Npa.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Torch;

public sealed class ImplicitScalarScan_Tests
{
    // Construction only, once per network: TorchVision's ResNet constructor sets every BatchNorm with
    // init.constant_(weight, 1) and init.constant_(bias, 0). No step, loss, EMA update or prediction goes through it.
    private static readonly (string Caller, string Callee)[] Allowed =
    [
        ("Npa.Trainer.Models.ResNetBackbone::WithBasicBlocks", "TorchSharp.Modules.ResNet::.ctor"),
        ("Npa.Trainer.Models.ResNetBackbone::ResNet50", "TorchSharp.Modules.ResNet::.ctor"),
    ];

    [Fact]
    public void Trainer_Code_Hands_TorchSharp_No_Temporary_Scalar()
    {
        var findings = ImplicitScalarScan.Scan(typeof(SiameseNetwork).Assembly)
            .Where(f => !Allowed.Contains((f.Caller, f.Callee))).ToList();
        Assert.True(findings.Count == 0,
            "these calls make a Scalar that nothing keeps alive during the native call (use HeldScalars.One, a `using var s = x.ToScalar()`, or a tensor):\n"
            + string.Join("\n", findings));
    }

    [Fact]
    public void Scan_Finds_Implicit_Conversions_And_Operators_That_Convert_Inside()
    {
        var found = ImplicitScalarScan.Scan(typeof(ImplicitScalarScan_Tests).Assembly)
            .Where(f => f.Caller.EndsWith("::" + nameof(Unsafe), StringComparison.Ordinal)).Select(f => f.Callee).ToList();

        Assert.Contains("TorchSharp.torch+Tensor::op_Multiply", found);
        Assert.Contains("TorchSharp.torch+Tensor::op_Addition", found);
        Assert.Contains("TorchSharp.torch+Tensor::op_Subtraction", found);
        Assert.Contains("TorchSharp.Scalar::op_Implicit", found);
        Assert.DoesNotContain(ImplicitScalarScan.Scan(typeof(ImplicitScalarScan_Tests).Assembly), f => f.Caller.EndsWith("::" + nameof(Safe), StringComparison.Ordinal));
    }

    private static Tensor Unsafe(Tensor a, Tensor b) => (1.0 - (a * 0.5 + b)).mul(2.0);

    private static Tensor Safe(Tensor a, Tensor b)
    {
        using var half = 0.5.ToScalar();
        return a.mul(half).add(b, HeldScalars.One);
    }
}
