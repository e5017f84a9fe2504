namespace CloudMgmt.Adapters;

/// <summary>The kinds of expected failure a cloud call can have.</summary>
public enum AdapterErrorKind
{
    Unavailable,
    Timeout,
    Throttled,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    InsufficientCapacity,
    Invalid,
    Unknown,
}

/// <summary>
/// An expected failure of a cloud call. The message is for operators' logs and never carries
/// credentials; it may quote what the cloud said, so what users see is made from it by
/// <see cref="HealthReason"/> (the kind and <see cref="HttpStatus"/>, never the cloud's words).
/// </summary>
/// <param name="HttpStatus">The status the cloud answered with, when it answered; null when the failure is the controller's own finding or no answer came.</param>
public sealed record AdapterError(AdapterErrorKind Kind, string Message, bool Retryable, TimeSpan? RetryAfter = null, int? HttpStatus = null)
{
    /// <summary>An error with the usual retryability of its kind: outages, time-outs and throttling are worth retrying.</summary>
    public static AdapterError Of(AdapterErrorKind kind, string message, TimeSpan? retryAfter = null, int? httpStatus = null) =>
        new(kind, message, kind is AdapterErrorKind.Unavailable or AdapterErrorKind.Timeout or AdapterErrorKind.Throttled, retryAfter, httpStatus);

    public override string ToString() => $"{Kind}{(Retryable ? " (retryable)" : "")}: {Message}";
}

/// <summary>What a resilience pipeline needs to know of any adapter result: whether it failed, and how.</summary>
public interface IAdapterResult
{
    AdapterError? Error { get; }
}

/// <summary>A value or an <see cref="AdapterError"/>.</summary>
public readonly record struct AdapterResult<T>(T? Value, AdapterError? Error) : IAdapterResult
{
    public bool Succeeded => Error is null;

    public static implicit operator AdapterResult<T>(T value) => new(value, null);

    public static implicit operator AdapterResult<T>(AdapterError error) => new(default, error);

    /// <summary>The value; throws when the call failed (for callers that checked, and for tests).</summary>
    public T Unwrap() => Error is null ? Value! : throw new InvalidOperationException($"the cloud call failed: {Error}");
}
