using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Cluster.Tests.Infrastructure;

/// <summary>Small helpers that keep the tests about behaviour rather than HTTP plumbing.</summary>
public static class ApiCalls
{
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
