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

    /// <summary>The caller's role or scope may not do this (the application layer's answer; grains never give it).</summary>
    Forbidden,

    /// <summary>No registered cloud can hold the request; <see cref="Failure.PlacementJson"/> says why, cloud by cloud.</summary>
    Unplaceable,
}

/// <summary>An expected failure, as a value. <see cref="Field"/> names the request field at fault, when there is one.</summary>
/// <param name="Errors">Every invalid field with what is wrong with it, when a request had several.</param>
/// <param name="PlacementJson">For <see cref="FailureKind.Unplaceable"/>: the placement decision (every filter's verdict per cloud) as JSON.</param>
/// <param name="Allocation">For <see cref="FailureKind.Unplaceable"/>: the allocation left Failed (holding nothing), when one was recorded.</param>
[GenerateSerializer, Immutable]
public sealed record Failure(
    FailureKind Kind, string Detail, string? Field = null, IReadOnlyList<Shortfall>? Shortfalls = null, IReadOnlyDictionary<string, string[]>? Errors = null,
    string? PlacementJson = null, string? Allocation = null)
{
    public static Failure Forbidden(string detail) => new(FailureKind.Forbidden, detail);

    public static Failure InvalidFields(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, "the request has invalid fields; nothing was changed", errors.Count == 1 ? errors.Keys.Single() : null, Errors: errors);

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
