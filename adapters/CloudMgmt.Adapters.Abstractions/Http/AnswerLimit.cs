namespace CloudMgmt.Adapters;

/// <summary>
/// How much of one answer the controller reads from a cloud. Every adapter's HTTP pipeline carries
/// a <see cref="BoundedAnswerHandler"/> with this cap, so that a hostile or broken endpoint cannot
/// stream an endless body into memory, whichever SDK reads it and however (buffered or streamed,
/// compressed or not: the cap counts the bytes the SDK is handed).
/// </summary>
public static class AnswerLimit
{
    /// <summary>Largest answer read (64 MiB): a large cloud's node or resource-provider list is a few MB, and lists are paged.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The refusal somewhere in an exception's chain (SDKs wrap what a stream throws), or null.</summary>
    public static AnswerTooLargeException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AnswerTooLargeException tooLarge)
            {
                return tooLarge;
            }
        }

        return null;
    }

    /// <summary>
    /// The error of a call whose answer was too large: not retried (the same endpoint would send the
    /// same), and told as a short reason of the controller's own, never with what the cloud sent.
    /// </summary>
    public static AdapterError Error(string operation, AnswerTooLargeException tooLarge) =>
        new(AdapterErrorKind.Unknown, $"{operation}: the cloud's answer is larger than {tooLarge.MaxBytes / (1024 * 1024)} MiB; not read", Retryable: false);
}

/// <summary>An answer went over <see cref="MaxBytes"/>; reading it stopped there.</summary>
public sealed class AnswerTooLargeException(long maxBytes)
    : IOException($"the answer is larger than {maxBytes} bytes; reading stopped")
{
    public long MaxBytes { get; } = maxBytes;
}
