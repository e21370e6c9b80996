using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Npa.Trainer.Models;

/// <summary>The heterogeneous Siamese network: branches "branch_a" and "branch_b" with no shared weights, or branch A alone.</summary>
public sealed class SiameseNetwork : Module<Tensor, SiameseOutput>
{
#pragma warning disable IDE1006 // Field names are the state_dict keys.
    private readonly NipsBranch branch_a;
    private readonly NipsBranch? branch_b;
#pragma warning restore IDE1006

    /// <summary>Builds a freshly initialised network from <paramref name="spec"/> on <paramref name="device"/> (CPU when null).</summary>
    public SiameseNetwork(NetworkSpec spec, Device? device = null) : base(nameof(SiameseNetwork))
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        branch_a = new NipsBranch(BackboneRegistry.Create(spec.BranchA), spec.ClassCount, spec.Dropout);
        branch_b = spec.BranchB is null ? null : new NipsBranch(BackboneRegistry.Create(spec.BranchB), spec.ClassCount, spec.Dropout);
        RegisterComponents();
        if (device is not null) this.to(device);
    }

    /// <summary>The spec this network was built from; building again from it gives the same architecture and keys.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Branch A.</summary>
    public NipsBranch BranchA => branch_a;

    /// <summary>Branch B, or null in single-branch mode.</summary>
    public NipsBranch? BranchB => branch_b;

    /// <summary>The branches present, A first.</summary>
    public IReadOnlyList<NipsBranch> Branches => branch_b is null ? [branch_a] : [branch_a, branch_b];

    /// <summary>A new, independently initialised network with the same architecture (for EMA teachers), on <paramref name="device"/>.</summary>
    public SiameseNetwork CloneArchitecture(Device? device = null) => new(Spec, device);

    /// <inheritdoc/>
    public override SiameseOutput forward(Tensor input) => Run(input, returnFeatures: false);

    /// <summary>Runs both branches and keeps each one's last feature map (for CAM).</summary>
    public SiameseOutput ForwardWithFeatures(Tensor input) => Run(input, returnFeatures: true);

    private SiameseOutput Run(Tensor input, bool returnFeatures)
    {
        ArgumentNullException.ThrowIfNull(input);
        var a = Call(branch_a, input, returnFeatures);
        try
        {
            var b = branch_b is null ? null : Call(branch_b, input, returnFeatures);
            return new SiameseOutput(a, b);
        }
        catch
        {
            a.Dispose();
            throw;
        }
    }

    private static BranchOutput Call(NipsBranch branch, Tensor input, bool returnFeatures) =>
        returnFeatures ? branch.ForwardWithFeatures(input) : branch.call(input);
}
