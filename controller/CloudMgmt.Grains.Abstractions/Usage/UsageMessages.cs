using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Usage;

/// <summary>One grant as a reconcile pass saw it: its size on the cloud and how much of it is used.</summary>
[GenerateSerializer, Immutable]
public sealed record GrantUsageSample(string AllocationId, string Tenant, string Pool, ResourceVector Granted, ResourceVector Used);

/// <summary>Everything one reconcile pass observed on one cloud, at one time.</summary>
[GenerateSerializer, Immutable]
public sealed record UsageSnapshot(DateTimeOffset At, IReadOnlyList<GrantUsageSample> Grants);

[GenerateSerializer, Immutable]
public sealed record UsagePoint(DateTimeOffset At, ResourceVector Granted, ResourceVector Used);

[GenerateSerializer, Immutable]
public sealed record GrantUsageSeries(string AllocationId, string Tenant, string Pool, IReadOnlyList<UsagePoint> Points);

/// <summary>Capacity the elastic controller took back from an idle grant.</summary>
[GenerateSerializer, Immutable]
public sealed record ReclaimRecord(DateTimeOffset At, string AllocationId, string Tenant, string Pool, string CloudId, ResourceVector Reclaimed, string Reason);
