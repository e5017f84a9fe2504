using System.Net;
using System.Net.Sockets;

namespace CloudMgmt.Testing;

/// <summary>A loopback port nobody listens on now, for silo, gateway and HTTP ports of test controllers.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
