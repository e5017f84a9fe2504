using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Tests.Support;

/// <summary>
/// Fluent builder for quota trees, in the style of Kueue's test wrappers: each <see cref="Pool"/>
/// starts a pool, the calls after it configure that pool.
/// <code>
/// new TreeBuilder()
///     .Pool("province").Nominal(vcpu: 10)
///     .Pool("city", parent: "province").Nominal(vcpu: 4).Borrowing(vcpu: 2).Lending(ResourceNames.Vcpu, 1)
///     .Build();
/// </code>
/// </summary>
internal sealed class TreeBuilder
{
    private readonly List<PoolDefinition> _pools = [];

    private PoolDefinition Current => _pools[^1];

    public TreeBuilder Pool(string id, string? parent = null)
    {
        _pools.Add(new PoolDefinition(id, parent, ResourceVector.Zero));
        return this;
    }

    public TreeBuilder Nominal(long vcpu, long memoryGiB = 0) => Nominal(ResourceVector.Of(vcpu, memoryGiB));

    public TreeBuilder Nominal(ResourceVector nominal) => Replace(Current with { Nominal = nominal });

    public TreeBuilder Borrowing(long vcpu, long memoryGiB = 0) => Borrowing(ResourceVector.Of(vcpu, memoryGiB));

    public TreeBuilder Borrowing(ResourceVector limit) => Replace(Current with { BorrowingLimit = limit });

    /// <summary>Adds one resource to the pool's lending limit (explicit zeros are kept: "lend none").</summary>
    public TreeBuilder Lending(string resource, long limit) =>
        Replace(Current with { LendingLimit = With(Current.LendingLimit, resource, limit) });

    public TreeBuilder Threshold(string resource, long limit) =>
        Replace(Current with { ApprovalThreshold = With(Current.ApprovalThreshold, resource, limit) });

    public IReadOnlyList<PoolDefinition> Definitions() => [.. _pools];

    public QuotaTree Build() => new(Definitions());

    private TreeBuilder Replace(PoolDefinition pool)
    {
        _pools[^1] = pool;
        return this;
    }

    private static Dictionary<string, long> With(IReadOnlyDictionary<string, long>? map, string key, long value) =>
        new(map ?? new Dictionary<string, long>(), StringComparer.Ordinal) { [key] = value };
}
