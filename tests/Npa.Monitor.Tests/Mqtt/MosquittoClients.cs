using System.Diagnostics;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>The real Debian <c>mosquitto_sub</c> and <c>mosquitto_pub</c> (package mosquitto-clients, installed by <c>./npa setup</c>).</summary>
public static class MosquittoClients
{
    public const string Sub = "/usr/bin/mosquitto_sub";
    public const string Pub = "/usr/bin/mosquitto_pub";

    /// <summary>The path, or a failure that says how to install it: these tests never skip.</summary>
    public static string Require(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing; run ./npa setup (or apt-get install -y --no-install-recommends mosquitto-clients)");

    /// <summary>Runs <c>mosquitto_pub</c> to its end (at most 20 s) and returns its exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Stderr)> PublishAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Require(Pub)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_pub did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"mosquitto_pub {string.Join(' ', args)} did not finish within 20 s");
        }
        return (process.ExitCode, await stderr);
    }
}
