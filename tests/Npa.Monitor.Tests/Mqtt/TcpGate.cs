using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>
/// A loopback TCP forwarder in front of a broker, so that a test decides when a client may reach it (closed: every
/// connection is dropped at once) and can cut live connections abruptly (the broker then sends the Last Will).
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _live = new();
    private readonly Task _accepting;
    private volatile bool _open = true;

    public TcpGate(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Refuses new connections from now on.</summary>
    public void Close() => _open = false;

    /// <summary>Lets new connections through.</summary>
    public void Open() => _open = true;

    /// <summary>Resets every live connection (RST, no MQTT DISCONNECT).</summary>
    public void CutAll()
    {
        foreach (var socket in _live.Keys)
        {
            if (_live.TryRemove(socket, out _)) Reset(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (!_open)
            {
                Reset(client);
                continue;
            }
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort);
            }
            catch (SocketException)
            {
                upstream.Dispose();
                client.Close();
                continue;
            }
            _live[client] = 0;
            _live[upstream] = 0;
            _ = PumpAsync(client, upstream);
            _ = PumpAsync(upstream, client);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                int n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0) break;
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        foreach (var s in new[] { from, to })
        {
            if (_live.TryRemove(s, out _)) Reset(s);
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // Already closed by the other direction's pump.
        }
        socket.Close();
    }
}
