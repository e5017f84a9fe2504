using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Tenants;

/// <summary>One line of a tenant's allocation index, stored as a row of the tenant's ledger.</summary>
[GenerateSerializer]
public sealed class SummaryState
{
    [Id(0)] public AllocationStatus Status { get; set; }
    [Id(1)] public Dictionary<string, long> Resources { get; set; } = [];
    [Id(2)] public int Priority { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }

    internal AllocationSummary Load(string id, string tenant) =>
        new(id, tenant, Status, VectorState.Load(Resources), Priority, CreatedAt, UpdatedAt);

    internal static SummaryState Save(AllocationSummary s) => new()
    {
        Status = s.Status, Resources = VectorState.Save(s.Resources), Priority = s.Priority, CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt,
    };
}
