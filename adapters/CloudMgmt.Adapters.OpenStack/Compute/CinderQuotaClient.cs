using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Http;

namespace CloudMgmt.Adapters.OpenStack.Compute;

/// <summary>The block-storage quota (Cinder "gigabytes") of a project, used only when the catalog lists a volume service.</summary>
internal sealed class CinderQuotaClient(OpenStackApi api)
{
    private static readonly OpenStackService Cinder = OpenStackService.Volume;

    public Task<AdapterResult<bool>> IsAvailableAsync(CancellationToken ct) => api.HasServiceAsync(Cinder, ct);

    public async Task<AdapterResult<(long Limit, long InUse)>> GetAsync(string projectId, CancellationToken ct)
    {
        var got = await api.GetAsync(Cinder, $"/os-quota-sets/{projectId}?usage=true", ct);
        if (!got.Succeeded)
            return got.Error!;
        var gigabytes = got.Value?["quota_set"]?["gigabytes"];
        return (gigabytes?["limit"]?.GetValue<long>() ?? 0, gigabytes?["in_use"]?.GetValue<long>() ?? 0);
    }

    public async Task<AdapterResult<bool>> SetAsync(string projectId, long gigabytes, CancellationToken ct)
    {
        var body = new JsonObject { ["quota_set"] = new JsonObject { ["gigabytes"] = gigabytes } };
        var put = await api.SendAsync(Cinder, HttpMethod.Put, $"/os-quota-sets/{projectId}", body, ct);
        return put.Succeeded ? true : put.Error!;
    }
}
