namespace Npa.Trainer.Tests.Training;

/// <summary>
/// Tests that depend on libtorch's process-wide random generator (seeded training, resume reproducibility) run alone:
/// any test running beside them in the same process draws from the same generator and changes their results.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalStateCollection
{
    public const string Name = "Torch global state";
}
