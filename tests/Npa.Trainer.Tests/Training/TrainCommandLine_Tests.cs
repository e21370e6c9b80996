namespace Npa.Trainer.Tests.Training;

public sealed class TrainCommandLine_Tests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        // Console and AnsiConsole are process-wide: both are restored before the writer is disposed.
        var previous = Console.Out;
        var previousAnsi = Spectre.Console.AnsiConsole.Console;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(writer),
                Ansi = Spectre.Console.AnsiSupport.No,
            });
            int code = Program.Main(args);
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(previous);
            Spectre.Console.AnsiConsole.Console = previousAnsi;
        }
    }

    [Fact]
    public void Missing_Preset_Exits_2_With_A_Readable_Message()
    {
        var (code, output) = Run("train", "--config", "/nowhere/preset.json", "--data", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("error: training config not found: /nowhere/preset.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Override_Names_The_Key()
    {
        var (code, output) = Run("train", "--config", RepoPaths.Config("ci.json"), "--batch-size", "1");
        Assert.Equal(2, code);
        Assert.Contains("optim.batch_size: must be in [2, 4096], got 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Experiment_Variant_Exits_2()
    {
        var (code, output) = Run("experiment", "--config", RepoPaths.Config("ci.json"), "--variants", "hsn,quad", "--runs", "1");
        Assert.Equal(2, code);
        Assert.Contains("unknown experiment variant 'quad'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_Of_A_Folder_That_Is_No_Run_Exits_2()
    {
        var (code, output) = Run("eval", "--run", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("is " + Path.GetTempPath() + " a finished training run?", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Only_Without_Finished_Runs_Exits_2()
    {
        string empty = Directory.CreateTempSubdirectory("npa-exp-").FullName;
        try
        {
            var (code, output) = Run("experiment", "--config", RepoPaths.Config("ci.json"), "--runs", "1", "--report-only", "--out", empty);
            Assert.Equal(2, code);
            Assert.Contains("no finished runs with this config", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
