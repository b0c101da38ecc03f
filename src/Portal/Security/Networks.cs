using System.Net;
using System.Net.Sockets;

namespace Portal.Security;

/// <summary>Addresses and networks as configuration writes them (<c>10.0.0.0/8</c>, or one address), and which ones are internal.</summary>
public static class Networks
{
    // Loopback, private (RFC 1918, RFC 4193), link-local (cloud metadata lives at 169.254.169.254), shared (CGNAT),
    // benchmarking, "this network", multicast and reserved ranges: nothing an outside webhook receiver lives on.
    private static readonly IPNetwork[] Internal = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(IPNetwork.Parse)];

    public static bool TryParse(string value, out IPNetwork network)
    {
        value = value.Trim();
        if (IPAddress.TryParse(value, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(value, out network);
    }

    public static IPNetwork Parse(string value) =>
        TryParse(value, out var network) ? network : throw new FormatException($"'{value}' is not an address or network");

    /// <summary>True for loopback, private, link-local and reserved addresses (IPv4-mapped IPv6 read as IPv4).</summary>
    public static bool IsInternal(IPAddress address) => Internal.Any(n => n.Contains(Plain(address)));

    public static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
