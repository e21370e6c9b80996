using Microsoft.Extensions.Logging;
using Npa.Monitor.Inference;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Inference;

public sealed class InferenceEngine_Tests
{
    private static readonly InferenceEngineOptions Cpu = new() { ExecutionProvider = ExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Fact]
    public void Fixture_Package_Gives_TorchSharp_Results_Per_Branch_And_Fused()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        var samples = FixturePackage.Samples();
        var results = engine.Run(FixturePackage.Inputs(samples.Count), samples.Count);

        Assert.Equal(samples.Count, results.Count);
        Assert.Equal((3, 32, 32), engine.InputShape);
        Assert.Matches("^tiny-pair-fixture@[0-9a-f]{8}$", engine.ModelId);
        for (int s = 0; s < samples.Count; s++)
        {
            var r = results[s];
            var e = samples[s]!;
            AssertClose(FixturePackage.Floats(e, "probs"), r.Fused);
            AssertClose(FixturePackage.Floats(e, "probs_a"), r.ProbabilitiesA);
            AssertClose(FixturePackage.Floats(e, "probs_b"), r.ProbabilitiesB);
            Assert.Equal(e["alpha_a"]!.GetValue<float>(), r.AlphaA, 1e-5f);
            Assert.Equal(e["alpha_b"]!.GetValue<float>(), r.AlphaB, 1e-5f);
            Assert.Equal(e["class"]!.GetValue<int>(), r.Level);
            Assert.Equal(NipsScale.CategoryOf(r.Level), r.Category);
            Assert.Equal(r.Fused.Select((p, k) => (double)p * k).Sum(), r.ExpectedScore, 4);
            Assert.Equal(r.Fused.Max(), r.Confidence, 6);
            Assert.Equal(NipsScale.ArgMax(r.ProbabilitiesA) == NipsScale.ArgMax(r.ProbabilitiesB), r.BranchesAgree);
            Assert.Equal(engine.ModelId, r.ModelId);
        }
    }

    [Fact]
    public void Batch_Larger_Than_MaxBatchSize_Is_Split_And_Repeated_Runs_Reuse_Buffers_With_Same_Results()
    {
        using var whole = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        using var split = new InferenceEngine(FixturePackage.Folder, Cpu with { MaxBatchSize = 3 }, new ListLogger<InferenceEngine>());
        float[] inputs = FixturePackage.Inputs(4);
        var expected = whole.Run(inputs, 4);
        for (int round = 0; round < 3; round++)
        {
            var actual = split.Run(inputs, 4);
            for (int s = 0; s < 4; s++) AssertClose(expected[s].Fused, actual[s].Fused, 1e-6);
        }
        // A single crop through the same engine (another buffer size) agrees with its place in the batch.
        var one = split.Run(FixturePackage.Inputs(1, firstSample: 2), 1);
        AssertClose(expected[2].Fused, one[0].Fused, 1e-5);
    }

    [Fact]
    public void Results_Of_One_Run_Are_Not_Overwritten_By_The_Next()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        var first = engine.Run(FixturePackage.Inputs(1, firstSample: 0), 1)[0];
        float[] copy = [.. first.Fused];
        engine.Run(FixturePackage.Inputs(1, firstSample: 3), 1);
        Assert.Equal(copy, first.Fused);
    }

    [Fact]
    public void Wrong_Input_Length_Is_Refused_With_The_Expected_Size()
    {
        using var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        var ex = Assert.Throws<ArgumentException>(() => engine.Run(new float[100], 1));
        Assert.Contains("1 crops of [3,32,32] need 3072 floats, got 100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Twice_Is_Harmless_And_Run_After_Dispose_Throws()
    {
        var engine = new InferenceEngine(FixturePackage.Folder, Cpu, new ListLogger<InferenceEngine>());
        engine.Dispose();
        engine.Dispose();
        Assert.Throws<ObjectDisposedException>(() => engine.Run(FixturePackage.Inputs(1), 1));
    }

    [Fact]
    public void Auto_Uses_Cuda_When_Loadable_Else_Cpu_With_One_Clear_Log_Line()
    {
        var logger = new ListLogger<InferenceEngine>();
        using var engine = new InferenceEngine(FixturePackage.Folder, new InferenceEngineOptions { ExecutionProvider = ExecutionProvider.Auto }, logger);
        if (engine.Provider == "cuda") return;
        Assert.Equal("cpu", engine.Provider);
        var warning = Assert.Single(logger.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains("CUDA execution provider not available", warning.Message, StringComparison.Ordinal);
        Assert.Contains("runs on the CPU", warning.Message, StringComparison.Ordinal);
        Assert.Single(engine.Run(FixturePackage.Inputs(1), 1));
    }

    [Fact]
    public void Cuda_Required_But_Not_Loadable_Fails_Clearly()
    {
        using (var probe = new InferenceEngine(FixturePackage.Folder, new InferenceEngineOptions(), new ListLogger<InferenceEngine>()))
        {
            if (probe.Provider == "cuda") return; // a machine with CUDA cannot show this refusal
        }
        var ex = Assert.Throws<ModelPackageException>(() =>
            new InferenceEngine(FixturePackage.Folder, new InferenceEngineOptions { ExecutionProvider = ExecutionProvider.Cuda }, new ListLogger<InferenceEngine>()));
        Assert.StartsWith("execution provider 'cuda' was configured but cannot be used:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto", ExecutionProvider.Auto)]
    [InlineData("CUDA", ExecutionProvider.Cuda)]
    [InlineData(" cpu ", ExecutionProvider.Cpu)]
    public void Provider_Names_Parse(string name, ExecutionProvider expected) => Assert.Equal(expected, ExecutionProviderNames.Parse(name));

    [Fact]
    public void Unknown_Provider_Name_Lists_The_Valid_Ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => ExecutionProviderNames.Parse("tpu"));
        Assert.StartsWith("execution provider 'tpu' is unknown; use auto, cuda or cpu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Out_Of_Range_Are_Refused_With_The_Field()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new InferenceEngineOptions { MaxBatchSize = 0 }.Validate());
        Assert.Contains("max batch size must be 1..64", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
    }
}
