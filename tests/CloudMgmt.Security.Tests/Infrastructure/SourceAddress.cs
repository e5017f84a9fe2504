using System.Net;
using System.Net.Sockets;

namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>
/// Connections from another loopback address (all of 127.0.0.0/8 is this machine's), so that a probe
/// counted per source address does not share its count with the rest of the class.
/// </summary>
public static class SourceAddress
{
    public static SocketsHttpHandler Handler(string from) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
