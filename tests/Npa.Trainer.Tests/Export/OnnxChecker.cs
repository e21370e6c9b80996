using System.Diagnostics;

namespace Npa.Trainer.Tests.Export;

/// <summary>Runs scripts/onnx_check.py (onnx.checker.check_model from Debian's python3-onnx) on a file.</summary>
internal static class OnnxChecker
{
    public const string Python = "/usr/bin/python3";

    public static (int ExitCode, string Output) Check(string onnxPath)
    {
        if (!File.Exists(Python)) Assert.Fail($"{Python} is missing; the ONNX checker test needs Debian's python3 and python3-onnx (apt-get install -y python3-onnx)");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "onnx_check.py"));
        start.ArgumentList.Add(onnxPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string output = (stdout + stderr.Result).Trim();
        if (process.ExitCode == 2) Assert.Fail($"python3-onnx is missing or the checker could not run (apt-get install -y python3-onnx): {output}");
        return (process.ExitCode, output);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NpaMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no NpaMonitor.sln above {AppContext.BaseDirectory}");
    }
}
