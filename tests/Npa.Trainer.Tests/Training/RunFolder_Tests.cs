using System.Text.Json;
using Npa.Trainer.Training;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Tests.Training;

public sealed class RunFolder_Tests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("npa-runfolder-").FullName;

    public void Dispose() => Directory.Delete(_run, recursive: true);

    [Fact]
    public void Folder_Without_Outcome_Is_Not_A_Finished_Run()
    {
        var e = Assert.Throws<RunFolderException>(() => RunFolder.LoadFinished(_run));
        Assert.Equal($"{Path.Combine(_run, "outcome.json")} not found: is {_run} a finished training run?", e.Message);
    }

    [Fact]
    public void Winner_Resolves_To_The_Network_That_Validated_Better()
    {
        WriteRun(winner: "teacher", weights: ["teacher"]);

        var run = RunFolder.LoadFinished(_run);

        Assert.Equal("teacher", run.Network);
        Assert.Equal(Path.Combine(_run, "best", "teacher.safetensors"), run.WeightsPath);
        Assert.Equal("runfolder-test", run.Config.Name);
    }

    [Fact]
    public void Missing_Teacher_Weights_Are_A_Run_Folder_Error()
    {
        WriteRun(winner: "student", weights: ["student"]);

        var e = Assert.Throws<RunFolderException>(() => RunFolder.LoadFinished(_run, "teacher"));
        Assert.Equal($"{Path.Combine(_run, "best", "teacher.safetensors")} not found (a run without EMA has no teacher)", e.Message);
    }

    [Fact]
    public void Unknown_Which_Is_An_Option_Error()
    {
        WriteRun(winner: "student", weights: ["student"]);

        var e = Assert.Throws<TrainConfigException>(() => RunFolder.LoadFinished(_run, "best"));
        Assert.Equal("--which must be winner, student or teacher, got 'best'", e.Message);
    }

    [Fact]
    public void Unparseable_Outcome_Is_A_Run_Folder_Error()
    {
        File.WriteAllText(Path.Combine(_run, "outcome.json"), "{ not json");

        var e = Assert.Throws<RunFolderException>(() => RunFolder.LoadFinished(_run));
        Assert.StartsWith($"{Path.Combine(_run, "outcome.json")} is not a training outcome:", e.Message, StringComparison.Ordinal);
    }

    private void WriteRun(string winner, string[] weights)
    {
        var outcome = new TrainingOutcome { Winner = winner, Branches = ["resnet18"], ClassNames = ["0", "1"], InputSize = 32 };
        File.WriteAllText(Path.Combine(_run, "outcome.json"), JsonSerializer.Serialize(outcome, RunFolder.IndentedJson));
        File.WriteAllText(Path.Combine(_run, "config.json"), new TrainConfig { Name = "runfolder-test" }.ToJson());
        Directory.CreateDirectory(Path.Combine(_run, "best"));
        foreach (var w in weights) File.WriteAllBytes(Path.Combine(_run, "best", w + ".safetensors"), [0]);
    }
}
