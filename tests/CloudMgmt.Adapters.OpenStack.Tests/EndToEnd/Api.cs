using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Adapters.OpenStack.Tests.EndToEnd;

/// <summary>Small helpers that keep the tests about behaviour rather than HTTP plumbing.</summary>
internal static class ApiCalls
{
    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> ExpectProblem(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> Patch(this HttpClient client, string url, object body) =>
        client.PatchAsync(url, JsonContent.Create(body));

    public static async Task<HttpResponseMessage> PostWithKey(this HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static long Long(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current?[part];
        }

        return current?.GetValue<long>() ?? 0;
    }

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>Creates province > city > department with the given department quota (vcpu, memoryGiB) and one tenant.</summary>
    public static async Task SeedAsync(HttpClient op, long vcpu = 100, long memoryGiB = 400, object? departmentExtras = null)
    {
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        var department = JsonSerializer.SerializeToNode(new { id = "dept", parent = "city", quota = new { vcpu, memoryGiB } })!.AsObject();
        if (departmentExtras is not null)
        {
            foreach (var (k, v) in JsonSerializer.SerializeToNode(departmentExtras)!.AsObject())
            {
                department[k] = v?.DeepClone();
            }
        }

        await op.PostAsJsonAsync("/api/v1/pools", department).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "health", pool = "dept", displayName = "Health Commission" }).Expect(HttpStatusCode.Created);
    }
}
