using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

/// <summary>
/// Plain REST calls to the peer as its admin, behind the adapter's back: what an operator would do
/// by hand (change a quota, boot a server, revoke a token). Independent of the adapter's own client.
/// </summary>
public sealed class PeerAdmin : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly OpenStackPeer _peer;
    private string _token = "";

    private PeerAdmin(OpenStackPeer peer) => _peer = peer;

    public static async Task<PeerAdmin> ConnectAsync(OpenStackPeer peer)
    {
        var admin = new PeerAdmin(peer);
        admin._token = await admin.IssueTokenAsync("admin", peer.AdminPassword, "admin");
        return admin;
    }

    /// <summary>A project-scoped token for a user (default domain).</summary>
    public async Task<string> IssueTokenAsync(string user, string password, string project)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        };
        using var response = await _http.PostAsync(_peer.AuthUrl + "/auth/tokens", Json(body));
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"keystone refused a token for {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    public Task<JsonNode?> Keystone(HttpMethod method, string path, JsonNode? body = null) => SendAsync(method, _peer.AuthUrl + path, body, null);

    public Task<JsonNode?> Nova(HttpMethod method, string path, JsonNode? body = null, string? token = null) =>
        SendAsync(method, _peer.ComputeUrl + path, body, "compute 2.60", token);

    public Task<JsonNode?> Placement(HttpMethod method, string path) => SendAsync(method, _peer.PlacementUrl + path, null, "placement 1.26");

    /// <summary>The project CloudMgmt made for a tenant (name cm-{tenant}), or null.</summary>
    public async Task<JsonObject?> ProjectOfAsync(string tenantId)
    {
        var listed = await Keystone(HttpMethod.Get, $"/projects?name=cm-{tenantId}");
        return (listed?["projects"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
    }

    /// <summary>Removes a tenant's project (and so its grant ledger), with its quota set back to zero first.</summary>
    public async Task DeleteProjectOfAsync(string tenantId)
    {
        if (await ProjectOfAsync(tenantId) is not { } project)
            return;
        await SetQuotaAsync(project["id"]!.ToString(), 0, 0);
        await Keystone(HttpMethod.Delete, $"/projects/{project["id"]}");
    }

    public async Task<JsonNode> QuotaAsync(string projectId) => (await Nova(HttpMethod.Get, $"/os-quota-sets/{projectId}/detail"))!["quota_set"]!;

    public Task SetQuotaAsync(string projectId, long cores, long ramMiB) =>
        Nova(HttpMethod.Put, $"/os-quota-sets/{projectId}", new JsonObject { ["quota_set"] = new JsonObject { ["cores"] = cores, ["ram"] = ramMiB, ["force"] = true } });

    public Task RevokeAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, _peer.AuthUrl + "/auth/tokens");
        request.Headers.Add("X-Subject-Token", token);
        return SendRawAsync(request);
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string url, JsonNode? body, string? microversion, string? token = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = Json(body);
        if (microversion is not null)
            request.Headers.Add("OpenStack-API-Version", microversion);
        request.Headers.Add("X-Auth-Token", token ?? _token);
        var text = await SendRawAsync(request, token is null);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private async Task<string> SendRawAsync(HttpRequestMessage request, bool addToken = true)
    {
        if (addToken && !request.Headers.Contains("X-Auth-Token"))
            request.Headers.Add("X-Auth-Token", _token);
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{request.Method} {request.RequestUri} → {(int)response.StatusCode}: {text}");
            return text;
        }
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Boots a server into a project as the admin user (given the member role there), and waits until it is ACTIVE.</summary>
    public async Task<string> BootServerAsync(string projectId, string flavorId)
    {
        var user = (await Keystone(HttpMethod.Get, "/users?name=admin&domain_id=default"))!["users"]![0]!["id"]!.ToString();
        var role = (await Keystone(HttpMethod.Get, "/roles?name=member"))!["roles"]![0]!["id"]!.ToString();
        await Keystone(HttpMethod.Put, $"/projects/{projectId}/users/{user}/roles/{role}");
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["id"] = user, ["password"] = _peer.AdminPassword } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["id"] = projectId } },
            },
        };
        using var issued = await _http.PostAsync(_peer.AuthUrl + "/auth/tokens", Json(body));
        issued.EnsureSuccessStatusCode();
        var token = issued.Headers.GetValues("X-Subject-Token").Single();
        var server = new JsonObject
        {
            ["server"] = new JsonObject { ["name"] = "cloudmgmt-e2e", ["flavorRef"] = flavorId, ["imageRef"] = _peer.ImageId, ["networks"] = "none" },
        };
        var id = (await Nova(HttpMethod.Post, "/servers", server, token))!["server"]!["id"]!.ToString();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = (await Nova(HttpMethod.Get, $"/servers/{id}"))!["server"]!["status"]!.ToString();
            if (status == "ACTIVE")
                return id;
            if (status == "ERROR" || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"server {id} is {status}, not ACTIVE");
            await Task.Delay(500);
        }
    }

    public async Task DeleteServerAsync(string id)
    {
        await Nova(HttpMethod.Delete, $"/servers/{id}");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await Nova(HttpMethod.Get, $"/servers/{id}");
            }
            catch (HttpRequestException e) when (e.Message.Contains("→ 404", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(500);
        }
    }

    public void Dispose() => _http.Dispose();
}
