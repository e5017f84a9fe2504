using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// Plain HTTP calls to the fake API server as an operator's kubectl would make them (field manager
/// <c>kubectl-edit</c>): the back door that changes things behind the adapter's back, over the wire.
/// </summary>
internal sealed class KubectlClient(FakeKubeApi api) : IDisposable
{
    public const string Manager = "kubectl-edit";

    private readonly HttpClient _http = new()
    {
        BaseAddress = api.BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", api.Token) },
    };

    public async Task<JsonObject> ListAsync(string path, string? labelSelector = null)
    {
        var url = labelSelector is null ? path : $"{path}?labelSelector={Uri.EscapeDataString(labelSelector)}";
        return (JsonObject)JsonNode.Parse(await _http.GetStringAsync(url))!;
    }

    public async Task<JsonObject> GetAsync(string path) => (JsonObject)JsonNode.Parse(await _http.GetStringAsync(path))!;

    /// <summary>A PUT of a changed copy: sends the resourceVersion it read, so a stale copy is refused with 409.</summary>
    public Task<HttpResponseMessage> ReplaceAsync(string path, JsonObject changed) =>
        _http.PutAsync($"{path}?fieldManager={Manager}", Json(changed));

    public Task<HttpResponseMessage> CreateAsync(string path, JsonObject body) => _http.PostAsync($"{path}?fieldManager={Manager}", Json(body));

    public Task<HttpResponseMessage> DeleteAsync(string path) => _http.DeleteAsync(path);

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public void Dispose() => _http.Dispose();
}
