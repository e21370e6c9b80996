using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npa.Trainer.Training.Options;

namespace Npa.Trainer.Bench;

/// <summary>
/// Runs <c>scripts/reference/train_step_bench.py</c> under a Python that has PyTorch (Debian's <c>python3-torch</c>), on
/// the same architecture, batch, objective and thread count as <see cref="TrainStepBench"/>.
/// </summary>
public sealed class PyTorchReference(string python, string script, int threads, int warmup, int steps)
{
    /// <summary>The reference's milliseconds per step and torch version, or null and the reason it could not run.</summary>
    public (double? MsPerStep, string Note) Run(TrainConfig config, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!File.Exists(script)) return (null, $"no {script}");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(script))!,
        };
        foreach (string arg in Arguments(config)) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"{python} not found (install python3-torch python3-torchvision)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"timed out after {timeout.TotalSeconds:F0} s");
            }
            if (process.ExitCode != 0)
            {
                string error = stderr.Result.Trim().Split('\n').LastOrDefault() ?? "";
                return (null, error.Contains("No module named", StringComparison.Ordinal)
                    ? $"{error} (install python3-torch python3-torchvision)" : $"exit {process.ExitCode}: {error}");
            }
            using var json = JsonDocument.Parse(stdout.Result.Trim().Split('\n').Last());
            return (json.RootElement.GetProperty("ms_per_step").GetDouble(), "torch " + json.RootElement.GetProperty("torch").GetString());
        }
    }

    private IEnumerable<string> Arguments(TrainConfig c)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        yield return Path.GetFileName(script);
        foreach (var (key, value) in new (string, string)[]
                 {
                     ("--branch-a", c.Model.BranchA), ("--branch-b", c.Model.IsSiamese ? c.Model.BranchB! : ""),
                     ("--classes", TrainStepBench.Classes.ToString(CultureInfo.InvariantCulture)),
                     ("--size", c.Data.ImageSize.ToString(CultureInfo.InvariantCulture)),
                     ("--batch", c.Optim.BatchSize.ToString(CultureInfo.InvariantCulture)),
                     ("--threads", threads.ToString(CultureInfo.InvariantCulture)),
                     ("--warmup", warmup.ToString(CultureInfo.InvariantCulture)), ("--steps", steps.ToString(CultureInfo.InvariantCulture)),
                     ("--lr", F(c.Optim.LearningRate)), ("--weight-decay", F(c.Optim.WeightDecay)), ("--dropout", F(c.Model.Dropout)),
                     ("--beta", F(c.Loss.Beta)), ("--delta1", F(c.Loss.Delta1)), ("--ema", c.Ema.Enabled ? F(c.Ema.Decay) : "0"),
                 })
        {
            yield return key;
            yield return value;
        }
    }
}
