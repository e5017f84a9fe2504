using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Testing;

/// <summary>Small helpers that keep the tests about behaviour rather than HTTP plumbing.</summary>
public static class HttpCalls
{
    /// <summary>The response's JSON body, after checking its status (the body is in the message when it differs).</summary>
    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>As <see cref="Expect"/>, and the body must be RFC 7807 problem details.</summary>
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

    /// <summary>The number at a dotted path ("reserved.vcpu"), 0 where the path leads nowhere.</summary>
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
}
