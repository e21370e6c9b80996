using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Npa.Monitor.Hosting;

/// <summary>Binds each listening port for a moment before anything starts, so a port in use is named up front.</summary>
public static class PortProbe
{
    /// <summary>One readable line per port that cannot be listened on; empty when all are free.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<ListeningPort> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var problems = new List<string>();
        var held = new List<Socket>();
        var seen = new Dictionary<(int, IPAddress), string>();
        try
        {
            foreach (var p in ports)
            {
                if (p.Port == 0) continue;
                if (seen.TryGetValue((p.Port, p.Address), out string? other))
                {
                    problems.Add(Inv($"{p.Key} {p.Port} is also {other}; give each its own port"));
                    continue;
                }
                seen[(p.Port, p.Address)] = p.Key;
                var socket = new Socket(p.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                held.Add(socket);
                try
                {
                    // As Kestrel and MQTTnet do: a port left in TIME_WAIT by the last run is free, a listener is not.
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    socket.Bind(new IPEndPoint(p.Address, p.Port));
                    socket.Listen();
                }
                catch (SocketException ex)
                {
                    problems.Add(Describe(p, ex));
                }
            }
        }
        finally
        {
            // Held until every port is tried, so two settings that share a port cannot both look free.
            foreach (var socket in held) socket.Dispose();
        }
        return problems;
    }

    private static string Describe(ListeningPort p, SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => Inv($"{p.Key} {p.Port} is already in use by another process"),
        SocketError.AccessDenied => Inv($"{p.Key} {p.Port} needs privileges this process lacks (ports below 1024 need root or CAP_NET_BIND_SERVICE)"),
        SocketError.AddressNotAvailable => Inv($"{p.Key} {p.Port}: {p.Address} is not an address of this machine"),
        _ => Inv($"{p.Key} {p.Port}: cannot listen on {p.Address}: {ex.Message}"),
    };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
