using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>Managed clouds: <c>/api/v1/clouds</c>.</summary>
public sealed class CloudsClient
{
    private readonly ICloudMgmtApi _api;

    internal CloudsClient(ICloudMgmtApi api) => _api = api;

    /// <summary>Registers a cloud to manage (operator).</summary>
    public Task<Cloud> RegisterAsync(NewCloud cloud, CancellationToken ct = default) => ApiCall.Run(() => _api.RegisterCloud(cloud, ct));

    /// <summary>Validates a registration and tries its connection, storing nothing (operator).</summary>
    public Task<CloudDryRun> DryRunAsync(NewCloud cloud, CancellationToken ct = default) => ApiCall.Run(() => _api.DryRunCloud(cloud, ct));

    /// <summary>Every cloud with capacity, granted, used and health.</summary>
    public Task<IReadOnlyList<Cloud>> ListAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.ListClouds(ct));

    /// <summary>One cloud.</summary>
    public Task<Cloud> GetAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.GetCloud(id, ct));

    /// <summary>Changes a cloud's registration (operator).</summary>
    public Task<Cloud> UpdateAsync(string id, CloudChanges changes, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.UpdateCloud(id, changes, ct));

    /// <summary>Stops managing a cloud (operator).</summary>
    public Task RemoveAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.RemoveCloud(id, ct));

    /// <summary>Drains a cloud: existing grants stay, nothing new is placed there.</summary>
    public Task<Cloud> DrainAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.DrainCloud(id, ct));

    /// <summary>Ends a drain.</summary>
    public Task<Cloud> UndrainAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.UndrainCloud(id, ct));

    /// <summary>Reconciles one cloud now (inventory, health, grants).</summary>
    public Task<Cloud> ReconcileAsync(string id, CancellationToken ct = default) => ApiCall.Run(() => _api.ReconcileCloud(id, ct));

    /// <summary>Runs one reconcile pass over every cloud now.</summary>
    public Task<ReconcileResult> ReconcileAllAsync(CancellationToken ct = default) => ApiCall.Run(() => _api.ReconcileAll(ct));
}
