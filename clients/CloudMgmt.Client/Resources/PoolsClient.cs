using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>Quota pools: <c>/api/v1/pools</c>.</summary>
public sealed class PoolsClient
{
    private readonly ICloudMgmtApi _api;

    internal PoolsClient(ICloudMgmtApi api) => _api = api;

    /// <summary>Creates a pool (operator).</summary>
    public Task<Pool> CreateAsync(NewPool pool, CancellationToken ct = default) => ApiCall.Run(() => _api.CreatePool(pool, ct));

    /// <summary>Every pool with its quota, reserved and borrowed.</summary>
    public Task<IReadOnlyList<Pool>> ListAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.ListPools(ct));

    /// <summary>The pool tree, roots first.</summary>
    public Task<IReadOnlyList<PoolTreeNode>> TreeAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.PoolTree(ct));

    /// <summary>One pool; <see cref="Problems.NotFoundException"/> when there is none.</summary>
    public Task<Pool> GetAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.GetPool(id, ct));

    /// <summary>Changes a pool's quota, limits or approval threshold (operator).</summary>
    public Task<Pool> UpdateAsync(string id, PoolChanges changes, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.UpdatePool(id, changes, ct));
}
