using System.Net;
using System.Net.Sockets;

namespace CloudMgmt.Host.Auth.RateLimits;

/// <summary>
/// The address a request is counted under: an IPv4 address as it is, an IPv6 address by its /64
/// (one host usually holds a whole /64, so counting single addresses would let it rotate through
/// them). The connection's peer: behind a proxy that is the proxy.
/// </summary>
internal static class SourceAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown"; // in-process test servers
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
