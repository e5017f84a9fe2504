using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudMgmt.Adapters;

namespace CloudMgmt.Testing;

/// <summary>
/// A hostile cloud endpoint on loopback: every request is answered 200 with a body that does not
/// end, the way an attacker's or a broken server would stream one. It starts with
/// <see cref="Prefix"/> (the opening of the document the client expects, so that the client keeps
/// reading) and goes on with filler until the client hangs up or <see cref="Offer"/> bytes are sent.
/// <see cref="Announce"/> says how the body is framed: chunked without a length, or with a
/// Content-Length as large as the offer. Plain sockets, counting every body byte written.
/// </summary>
public sealed class EndlessAnswerServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _serving = [];
    private Task? _accepting;
    private long _sent;
    private int _requests;

    public enum Framing
    {
        Chunked,
        ContentLength,
    }

    public EndlessAnswerServer(string prefix, long offer, Framing announce = Framing.Chunked, string contentType = "application/json", byte filler = (byte)'a')
    {
        (Prefix, Offer, Announce, ContentType, Filler) = (prefix, offer, announce, contentType, filler);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Prefix { get; }

    /// <summary>Most body bytes sent per answer, were the client to read on.</summary>
    public long Offer { get; }

    public Framing Announce { get; }

    public string ContentType { get; }

    public byte Filler { get; }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Body bytes written so far, over every answer (a few socket buffers more than the client read).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Most body bytes one answer got out before the client hung up (or the whole offer).</summary>
    public long LargestAnswer { get; private set; }

    /// <summary>
    /// What a client capped at <paramref name="capMiB"/> MiB must show after one call here: the call
    /// failed, not to be retried, with the controller's short reason, and the client hung up long
    /// before the whole offer was sent.
    /// </summary>
    public void AssertCutOff(AdapterError? error, int capMiB)
    {
        Assert.NotNull(error);
        Assert.False(error.Retryable);
        Assert.EndsWith($"the cloud's answer is larger than {capMiB} MiB; not read", HealthReason.Of(error), StringComparison.Ordinal);
        Assert.True(Requests >= 1);
        Assert.True(LargestAnswer < Offer / 4, $"the endpoint got {LargestAnswer} bytes out of {Offer} before the client hung up");
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_serving)
                {
                    _serving.Add(ServeAsync(client));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            long sent = 0;
            try
            {
                var stream = client.GetStream();
                await ReadHeadAsync(stream);
                Interlocked.Increment(ref _requests);
                var length = Announce == Framing.ContentLength ? $"Content-Length: {Offer}" : "Transfer-Encoding: chunked";
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {ContentType}\r\n{length}\r\nConnection: close\r\n\r\n"), _stop.Token);
                var prefix = Encoding.UTF8.GetBytes(Prefix);
                var filler = Enumerable.Repeat(Filler, 64 * 1024).ToArray();
                for (var part = prefix; sent < Offer; part = filler)
                {
                    var size = (int)Math.Min(part.Length, Offer - sent);
                    await WriteAsync(stream, part.AsMemory(0, size));
                    sent += size;
                    Interlocked.Add(ref _sent, size);
                }

                if (Announce == Framing.Chunked)
                {
                    await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client hung up: it read no further
            }
            finally
            {
                lock (_serving)
                {
                    LargestAnswer = Math.Max(LargestAnswer, sent);
                }
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, ReadOnlyMemory<byte> part)
    {
        if (Announce == Framing.Chunked)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{part.Length:x}\r\n"), _stop.Token);
            await stream.WriteAsync(part, _stop.Token);
            await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
        }
        else
        {
            await stream.WriteAsync(part, _stop.Token);
        }
    }

    /// <summary>Reads the request's head and as much body as Content-Length says (bounded), so the answer follows a whole request.</summary>
    private async Task ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int end;
        while ((end = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                throw new IOException("the client closed before its request ended");
            }

            buffer.Write(chunk, 0, read);
        }

        var head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, end);
        var length = head.Split("\r\n").Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => long.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        for (var body = buffer.Length - end - 4; body < Math.Min(length, 1 << 20);)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            body += read;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        Task[] serving;
        lock (_serving)
        {
            serving = [.. _serving];
        }

        await Task.WhenAll(serving);
        _stop.Dispose();
    }
}
