using TorchSharp;

namespace Npa.Trainer.Torch;

/// <summary>Scalars that live for the whole process, for arguments TorchSharp would otherwise make as finalizable temporaries.</summary>
/// <remarks>
/// TorchSharp's <c>a + b</c>, <c>add_(b)</c> and <c>add(s)</c> pass an implicit <c>alpha = 1</c>. Nothing keeps that Scalar
/// alive during the native call, so the finalizer thread can free it while libtorch reads it ("Unknown scalar type",
/// "toFloat … Expected false to be true"). A static Scalar is never collected.
/// </remarks>
internal static class HeldScalars
{
    /// <summary>The integer 1, libtorch's default alpha.</summary>
    public static Scalar One { get; } = 1.ToScalar();
}
