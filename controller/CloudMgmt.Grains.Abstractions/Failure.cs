using CloudMgmt.Domain.Quota;

namespace CloudMgmt.Grains;

/// <summary>The kinds of expected failure a grain answers with; the API maps each to one HTTP status.</summary>
[GenerateSerializer]
public enum FailureKind
{
    NotFound,
    Conflict,
    Invalid,
    QuotaExceeded,
}

/// <summary>An expected failure, as a value. <see cref="Field"/> names the request field at fault, when there is one.</summary>
[GenerateSerializer, Immutable]
public sealed record Failure(FailureKind Kind, string Detail, string? Field = null, IReadOnlyList<Shortfall>? Shortfalls = null)
{
    public static Failure NotFound(string detail) => new(FailureKind.NotFound, detail);

    public static Failure Conflict(string detail) => new(FailureKind.Conflict, detail);

    public static Failure Invalid(string field, string detail) => new(FailureKind.Invalid, detail, field);
}

/// <summary>Either a value or an expected failure.</summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
