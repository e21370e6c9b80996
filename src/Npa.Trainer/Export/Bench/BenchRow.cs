namespace Npa.Trainer.Export.Bench;

/// <summary>One model at one batch size.</summary>
/// <param name="Model">Model label (demo, paper, cpu-small).</param>
/// <param name="Batch">Images per run.</param>
/// <param name="GigaMacs">Conv + Gemm multiply-accumulates per image, in billions.</param>
/// <param name="OrtMsPerImage">ONNX Runtime milliseconds per image.</param>
/// <param name="TorchMsPerImage">TorchSharp eval milliseconds per image.</param>
/// <param name="OrtGflops">Achieved GFLOP/s through ONNX Runtime (2 FLOP per MAC).</param>
/// <param name="TorchGflops">Achieved GFLOP/s through TorchSharp.</param>
public sealed record BenchRow(string Model, int Batch, double GigaMacs, double OrtMsPerImage, double TorchMsPerImage, double OrtGflops, double TorchGflops);
