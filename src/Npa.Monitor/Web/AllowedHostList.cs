using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Npa.Monitor.Configuration;

namespace Npa.Monitor.Web;

/// <summary>
/// The <c>Host</c> header values the web server answers to. A DNS-rebinding page reaches the monitor under its own
/// domain name, so only names that lead to this machine are listed: loopback, the bind address, the configured
/// <see cref="WebOptions.AllowedHosts"/> and, for a wildcard bind, the machine's own name and addresses.
/// </summary>
public static class AllowedHostList
{
    /// <summary>The hosts for <paramref name="options"/>, in brackets for IPv6, without duplicates.</summary>
    public static IReadOnlyList<string> For(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (IPAddress.TryParse(options.BindAddress, out var bind))
        {
            if (bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any)) hosts.AddRange(MachineNames());
            else hosts.Add(Literal(bind));
        }
        hosts.AddRange((options.AllowedHosts ?? []).Select(h => h.Trim()).Where(h => h.Length > 0)
            .Select(h => IPAddress.TryParse(h, out var ip) ? Literal(ip) : h));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Literal(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static IEnumerable<string> MachineNames()
    {
        yield return Dns.GetHostName();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up))
        {
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                // Link-local IPv6 needs a zone id in a URL, which no browser sends in Host.
                if (!unicast.Address.IsIPv6LinkLocal) yield return Literal(unicast.Address);
            }
        }
    }
}
