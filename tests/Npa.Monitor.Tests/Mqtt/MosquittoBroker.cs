using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>A real Debian mosquitto on a loopback port, from a generated config; started and stopped by PID.</summary>
[SupportedOSPlatform("linux")]
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    private readonly string _folder;
    private Process? _process;

    private MosquittoBroker(int port, Func<string, string>? configure)
    {
        Port = port;
        _folder = Directory.CreateTempSubdirectory("npa-mosquitto-").FullName;
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        ConfigPath = Path.Combine(_folder, "mosquitto.conf");
        // The listener block: anonymous unless the test's configure step (which may write files into the folder) says otherwise.
        string listener = configure?.Invoke(_folder) ?? "allow_anonymous true";
        File.WriteAllText(ConfigPath, string.Create(CultureInfo.InvariantCulture, $"""
            per_listener_settings false
            persistence false
            log_dest stderr
            log_type error
            log_type warning
            listener {port} 127.0.0.1
            {listener}

            """));
    }

    public string Folder => _folder;

    public int Port { get; }

    public string ConfigPath { get; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>
    /// Starts mosquitto on a free loopback port and waits until the port accepts. <paramref name="configure"/> gets the
    /// broker's folder and returns the listener's settings (default <c>allow_anonymous true</c>).
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(Func<string, string>? configure = null)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing; install it with: sudo apt-get install -y --no-install-recommends mosquitto");
        var broker = new MosquittoBroker(FreePort.Next(), configure);
        await broker.RestartAsync();
        return broker;
    }

    /// <summary>Starts the process again on the same port (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync()
    {
        if (Pid is not null) throw new InvalidOperationException("mosquitto is already running");
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigPath);
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        var stderr = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {await stderr}");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }
        }
    }

    /// <summary>Kills mosquitto by PID (SIGKILL: no clean shutdown, like a crash or power loss).</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } p) return;
        p.Kill();
        await p.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
