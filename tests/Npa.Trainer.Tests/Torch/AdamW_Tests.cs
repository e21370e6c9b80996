using Npa.Trainer.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Npa.Trainer.Tests.Torch;

public sealed class AdamW_Tests
{
    private static Parameter[] Parameters(int seed)
    {
        manual_seed(seed);
        return [new Parameter(randn(5, 3)), new Parameter(randn(7)), new Parameter(randn(2, 2, 3))];
    }

    private static void Steps(OptimizerHelper optimizer, IReadOnlyList<Parameter> parameters, int from, int count)
    {
        for (int step = from; step < from + count; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            manual_seed(1000 + step);
            // A changing target, so that the moments do not settle; the second parameter sometimes gets no gradient.
            var loss = parameters[0].pow(2).sum().mul(randn(1)).sum();
            if (step % 3 != 0) loss = loss.add(parameters[1].sin().sum(), HeldScalars.One);
            loss = loss.add(parameters[2].mul(randn(2, 2, 3)).sum(), HeldScalars.One);
            loss.backward();
            foreach (var group in optimizer.ParamGroups) group.LearningRate = 0.01 * (1 + step % 4);
            optimizer.step();
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Steps_Are_Bit_Identical_To_TorchSharps_AdamW(bool amsgrad, bool maximize)
    {
        var expected = Parameters(3);
        var actual = Parameters(3);
        using var reference = optim.AdamW(expected, 0.01, weight_decay: 0.05, amsgrad: amsgrad, maximize: maximize);
        using var safe = new Npa.Trainer.Torch.AdamW(actual, 0.01, weightDecay: 0.05, amsgrad: amsgrad, maximize: maximize);

        Steps(reference, expected, 0, 12);
        Steps(safe, actual, 0, 12);

        for (int i = 0; i < expected.Length; i++) Assert.True(expected[i].equal(actual[i]).all().item<bool>(), $"parameter {i} differs");
    }

    [Fact]
    public void State_Saved_By_TorchSharps_AdamW_Resumes_Bit_Identically()
    {
        string path = Path.Combine(Path.GetTempPath(), $"npa-adamw-{Guid.NewGuid():N}.bin");
        try
        {
            var expected = Parameters(5);
            using var reference = optim.AdamW(expected, 0.01, weight_decay: 0.05);
            Steps(reference, expected, 0, 4);
            reference.save_state_dict(path);
            var actual = Parameters(5);
            using (no_grad())
                for (int i = 0; i < actual.Length; i++) actual[i].copy_(expected[i]);

            using var safe = new Npa.Trainer.Torch.AdamW(actual, 0.01, weightDecay: 0.05);
            safe.load_state_dict(path);
            Steps(reference, expected, 4, 4);
            Steps(safe, actual, 4, 4);

            for (int i = 0; i < expected.Length; i++) Assert.True(expected[i].equal(actual[i]).all().item<bool>(), $"parameter {i} differs");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
