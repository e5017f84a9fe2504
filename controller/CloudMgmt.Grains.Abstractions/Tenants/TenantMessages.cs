using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Tenants;

[GenerateSerializer, Immutable]
public sealed record TenantSpec(string Id, string Pool, string? DisplayName);

/// <summary>The line a tenant keeps per allocation, for listing without waking every allocation grain.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationSummary(
    string Id, string Tenant, AllocationStatus Status, ResourceVector Resources, int Priority, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

[GenerateSerializer, Immutable]
public sealed record AllocationQuery(AllocationStatus? Status, string? After, int Limit);

[GenerateSerializer, Immutable]
public sealed record AllocationPage(IReadOnlyList<AllocationSummary> Items, string? Next);

/// <summary>A tenant's totals: what it holds now, by status.</summary>
[GenerateSerializer, Immutable]
public sealed record TenantUsage(ResourceVector Admitted, ResourceVector PendingApproval, int Allocations);
