using System.Collections.Concurrent;
using System.Diagnostics;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>A running real <c>mosquitto_sub</c> whose stdout lines are collected; killed by PID on dispose.</summary>
public sealed class MosquittoSubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private MosquittoSubProcess(string[] args)
    {
        var start = new ProcessStartInfo(MosquittoClients.Require(MosquittoClients.Sub))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Arguments = string.Join(' ', args);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) _lines.Enqueue(line); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) _errors.Enqueue(line); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Arguments { get; }

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Stderr => string.Join('\n', _errors);

    public bool HasExited => _process.HasExited;

    public static MosquittoSubProcess Start(params string[] args) => new(args);

    /// <summary>Waits until <paramref name="line"/> was printed; fails at once, with mosquitto_sub's stderr, if it exits first.</summary>
    public async Task WaitForLineAsync(string line, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!_lines.Contains(line))
        {
            if (_process.HasExited && !_lines.Contains(line))
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"mosquitto_sub {Arguments} exited with {_process.ExitCode} before printing '{line}': {Stderr}");
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"mosquitto_sub {Arguments} did not print '{line}' within {seconds} s; it printed [{string.Join(" | ", _lines)}], stderr: {Stderr}");
            await Task.Delay(5);
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
