namespace CloudMgmt.Client.Models;

/// <summary>A new tenant (a department) under a pool.</summary>
public sealed record NewTenant
{
    /// <summary>1-63 lower-case letters, digits and '-'.</summary>
    public required string Id { get; init; }

    /// <summary>The pool its allocations are charged to.</summary>
    public required string Pool { get; init; }

    /// <summary>A name for people.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>A tenant with its usage.</summary>
/// <param name="Id">The tenant's id.</param>
/// <param name="Pool">The pool it is charged to.</param>
/// <param name="DisplayName">A name for people.</param>
/// <param name="Admitted">What its admitted allocations hold.</param>
/// <param name="PendingApproval">What waits for an operator's approval.</param>
/// <param name="Allocations">How many allocations it has.</param>
public sealed record Tenant(
    string Id, string Pool, string? DisplayName, IReadOnlyDictionary<string, long> Admitted,
    IReadOnlyDictionary<string, long> PendingApproval, int Allocations);
