namespace CloudMgmt.Adapters;

/// <summary>
/// A handler in an SDK's HTTP pipeline that caps what one answer may hold: an answer whose
/// Content-Length says more is refused before its body is read, and every other body is handed on
/// through a stream that stops with <see cref="AnswerTooLargeException"/> after
/// <paramref name="maxBytes"/> (chunked or unannounced bodies, and a Content-Length that lies).
/// </summary>
public sealed class BoundedAnswerHandler(long maxBytes = AnswerLimit.DefaultMaxBytes) : DelegatingHandler
{
    public long MaxBytes { get; } = maxBytes;

    /// <summary>This handler over a fresh <see cref="SocketsHttpHandler"/> that follows no redirects (a redirect would carry the credentials elsewhere).</summary>
    public static BoundedAnswerHandler OverSockets(long maxBytes = AnswerLimit.DefaultMaxBytes) => new(maxBytes)
    {
        InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            response.Dispose(); // closes the connection without reading the body
            throw new AnswerTooLargeException(MaxBytes);
        }

        var inner = response.Content;
        var bounded = new StreamContent(new BoundedStream(await inner.ReadAsStreamAsync(cancellationToken), inner, MaxBytes));
        foreach (var (name, values) in inner.Headers)
        {
            bounded.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = bounded;
        return response;
    }

    /// <summary>Reads on until <c>max</c> bytes, then refuses; disposing it disposes the answer's own content.</summary>
    private sealed class BoundedStream(Stream inner, HttpContent owner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Math.Min(count, Allowance)));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Math.Min(buffer.Length, Allowance)]));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer[..Math.Min(buffer.Length, Allowance)], cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>At most one byte past the cap is asked for: enough to know the answer goes over it.</summary>
        private int Allowance => _read > max ? throw new AnswerTooLargeException(max) : (int)Math.Min(int.MaxValue, max - _read + 1);

        private int Count(int read)
        {
            _read += read;
            return _read > max ? throw new AnswerTooLargeException(max) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
