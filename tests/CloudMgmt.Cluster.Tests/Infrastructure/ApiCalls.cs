using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Cluster.Tests.Infrastructure;

/// <summary>Small helpers that keep the tests about behaviour rather than HTTP plumbing.</summary>
public static class ApiCalls
{
    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

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

    /// <summary>Every allocation, page by page.</summary>
    public static async Task<List<JsonNode>> ListAllocationsAsync(this HttpClient client)
    {
        var all = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = await client.GetAsync("/api/v1/allocations?limit=500" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}")).Expect(HttpStatusCode.OK);
            all.AddRange(page["items"]!.AsArray().Select(i => i!));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);

        return all;
    }
}
