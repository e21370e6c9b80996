using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Npa.Monitor.Tests.Mqtt;

/// <summary>This machine's first IPv4 address off loopback: where a ward network would reach the broker.</summary>
public static class WardAddress
{
    public static IPAddress Find() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("this machine has no IPv4 address off loopback; the off-loopback broker tests need one (any interface that is up)");
}
