using System.Text.Json.Nodes;
using Npa.Shared.Datasets;
using Npa.Trainer.Calibration;
using Npa.Trainer.Commands;
using Npa.Trainer.Evaluation;
using Npa.Trainer.Tests.Export;

namespace Npa.Trainer.Tests.Evaluation;

/// <summary><c>npa-train eval</c> reports the ECE of the evaluated split with and without the validation-fitted temperature.</summary>
public sealed class RunEvaluatorCalibration_Tests : IDisposable
{
    private const int Validation = 24;
    private readonly string root = Directory.CreateTempSubdirectory("npa-eval-calibration-").FullName;

    [Fact]
    public void Eval_Command_Reports_Ece_With_And_Without_The_Temperature()
    {
        var (run, _, _, _) = FakeRunFolder.CreateWithValidation(root, Validation, test: 16);
        Assert.Equal(0, EvalCommand.Create().Parse(["--run", run, "--split", "test"]).Invoke());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "eval-test.json")))!;
        var calibration = json["calibration"]!;
        double ece = (double)json["expected_calibration_error"]!;
        Assert.Equal(ece, (double)calibration["ece_before"]!, 6);
        Assert.InRange((double)calibration["ece_after"]!, 0, 1);
        Assert.Equal(Validation, (int)calibration["fit"]!["samples"]!);
        Assert.InRange((double)calibration["fit"]!["temperature"]!, TemperatureScaling.MinTemperature, TemperatureScaling.MaxTemperature);
    }

    [Fact]
    public void Run_Without_Validation_Split_Reports_No_Calibration()
    {
        var (run, _) = FakeRunFolder.Create(root, "student");
        FakeRunFolder.WriteData(run, [.. Enumerable.Range(0, 8).Select(i => (DatasetSplit.Test, i, i))]);
        var (_, _, split, calibration) = RunEvaluator.Evaluate(run, split: "test");
        Assert.Equal("test", split);
        Assert.Null(calibration);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
