using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CloudMgmt.Security.Tests.Clouds;

/// <summary>
/// An attacker's endpoint on loopback: records every request it receives, whole (request line,
/// headers, body), and answers each with a 403 and a 3 KB HTML page carrying <see cref="PageMarker"/>,
/// as a misbehaving or hostile cloud would. Plain sockets, so nothing between the controller and
/// the record can hide a byte.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    public const string PageMarker = "REFLECTED-PAGE-MARKER";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _received = [];
    private Task? _accepting;

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Everything received so far, one entry per request.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static string Page { get; } =
        "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>" + PageMarker + " " + new string('x', 3000) + "</p></body></html>";

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                lock (_received)
                {
                    _received.Add(request);
                }

                var body = Encoding.UTF8.GetBytes(Page);
                var head = $"HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // the controller hung up: whatever it sent is recorded
            }
        }
    }

    /// <summary>Headers up to the blank line, then Content-Length bytes of body (capped: nothing here needs more).</summary>
    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(buffer.ToArray());
            }

            buffer.Write(chunk, 0, read);
        }

        var head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd);
        var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (buffer.Length < headerEnd + 4 + Math.Min(length, 1 << 20))
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int IndexOfBlankLine(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\r\n\r\n"u8);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        _stop.Dispose();
    }
}
