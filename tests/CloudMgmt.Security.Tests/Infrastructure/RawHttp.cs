using System.Net.Sockets;
using System.Text;

namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>
/// Sends bytes exactly as written, for the requests HttpClient will not make (HTTP/1.0, a POST
/// without Content-Length, a malformed header). The server closes the connection after answering.
/// </summary>
public static class RawHttp
{
    public static async Task<HttpResponseMessage> SendAsync(Uri baseAddress, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var read = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(read, timeout.Token);
        return Parse(read.ToArray());
    }

    private static HttpResponseMessage Parse(byte[] bytes)
    {
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(split < 0 ? bytes : bytes[..split]).Split("\r\n");
        var body = split < 0 ? [] : bytes[(split + 4)..];
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToList();
        if (headers.Any(h => h[0].Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h[1].Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new ByteArrayContent(body) };
        foreach (var h in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(h[0].Trim(), h[1].Trim()))
            {
                response.Content.Headers.TryAddWithoutValidation(h[0].Trim(), h[1].Trim());
            }
        }

        return response;
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        var result = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }

            result.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }

        return result.ToArray();
    }
}
