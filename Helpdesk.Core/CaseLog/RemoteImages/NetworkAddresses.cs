using System.Net;
using System.Net.Sockets;

namespace Helpdesk.Core.CaseLog.RemoteImages;

/// <summary>Addresses a fetch on a mail's behalf must not reach: this host, its private networks and special ranges.</summary>
public static class NetworkAddresses
{
    private static readonly (IPAddress Network, int Prefix)[] NonPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return !NonPublicV4.Any(range => InRange(address, range.Network, range.Prefix));
        var first = address.GetAddressBytes()[0];
        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || (first & 0xFE) == 0xFC || address.IsIPv6Teredo
            || IsSixToFourOrNat64(address));
    }

    // 6to4 (2002::/16) and NAT64 (64:ff9b::/96) addresses embed an IPv4 address that may be private.
    private static bool IsSixToFourOrNat64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes[0] == 0x20 && bytes[1] == 0x02 || bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        var a = BitConverter.ToUInt32(address.GetAddressBytes().Reverse().ToArray());
        var n = BitConverter.ToUInt32(network.GetAddressBytes().Reverse().ToArray());
        var mask = prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
        return (a & mask) == (n & mask);
    }
}
