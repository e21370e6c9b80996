using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace Npa.Monitor.Tests.Soak;

/// <summary>The built monitor as a child process (<c>dotnet npa-monitor.dll run --config …</c>): killed with SIGKILL or stopped with SIGTERM by its PID, RSS read from /proc.</summary>
[SupportedOSPlatform("linux")]
internal sealed class SoakMonitorProcess : IDisposable
{
    private readonly string _dll;
    private readonly string _config;
    private readonly string _workingDirectory;
    private readonly StreamWriter _log;
    private Process? _process;

    public SoakMonitorProcess(string dll, string config, string workingDirectory, string logFile)
    {
        _dll = dll;
        _config = config;
        _workingDirectory = workingDirectory;
        _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
    }

    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException("the monitor is already running");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { _dll, "run", "--config", _config }) start.ArgumentList.Add(a);
        // The monitor reads every NPA_* variable as config (NPA_Section__Key): the suite's own settings are not its keys.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("NPA_SOAK", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        Log($"--- soak: monitor started, pid {_process.Id}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power loss.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } p) return;
        Log($"--- soak: kill -9 {p.Id}");
        p.Kill();
        await p.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd stops it; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } p) return _process?.ExitCode ?? -1;
        Log($"--- soak: SIGTERM {p.Id}");
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
        return p.ExitCode;
    }

    /// <summary>Resident set size in bytes, or null when not running.</summary>
    public long? RssBytes()
    {
        if (_process is not { HasExited: false } p) return null;
        try
        {
            string? line = File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Log(string? line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false } p) p.Kill();
        _process?.Dispose();
        _log.Dispose();
    }
}
