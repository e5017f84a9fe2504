using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Grains.Pools;

/// <summary>
/// The catalog as one grain state, as it was stored before pools and tenants became rows
/// (<see cref="CatalogRows"/>). Only read, to move an existing data directory's catalog into rows.
/// </summary>
[GenerateSerializer]
public sealed class CatalogState
{
    [Id(0)] public Dictionary<string, PoolSpecState> Pools { get; set; } = [];
    [Id(1)] public Dictionary<string, TenantSpecState> Tenants { get; set; } = [];
}

/// <summary>One pool's configuration: a row of the catalog's pool ledger.</summary>
[GenerateSerializer]
public sealed class PoolSpecState
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string? Parent { get; set; }
    [Id(2)] public string? DisplayName { get; set; }
    [Id(3)] public Dictionary<string, long> Quota { get; set; } = [];
    [Id(4)] public Dictionary<string, long>? BorrowingLimit { get; set; }
    [Id(5)] public Dictionary<string, long>? LendingLimit { get; set; }
    [Id(6)] public Dictionary<string, long>? ApprovalThreshold { get; set; }

    internal PoolSpec Load() => new(Id, Parent, DisplayName, VectorState.Load(Quota), VectorState.LoadOptional(BorrowingLimit),
        LendingLimit, ApprovalThreshold);

    internal static PoolSpecState Save(PoolSpec spec) => new()
    {
        Id = spec.Id,
        Parent = spec.Parent,
        DisplayName = spec.DisplayName,
        Quota = VectorState.Save(spec.Quota),
        BorrowingLimit = VectorState.SaveOptional(spec.BorrowingLimit),
        LendingLimit = VectorState.Copy(spec.LendingLimit),
        ApprovalThreshold = VectorState.Copy(spec.ApprovalThreshold),
    };
}

/// <summary>One tenant: a row of the catalog's tenant ledger.</summary>
[GenerateSerializer]
public sealed class TenantSpecState
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string Pool { get; set; } = "";
    [Id(2)] public string? DisplayName { get; set; }

    internal TenantSpec Load() => new(Id, Pool, DisplayName);

    internal static TenantSpecState Save(TenantSpec spec) => new() { Id = spec.Id, Pool = spec.Pool, DisplayName = spec.DisplayName };
}
