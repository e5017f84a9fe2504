using System.Net;
using System.Text.Json.Nodes;

namespace CloudMgmt.Api.Tests.Infrastructure;

/// <summary>Reading the audit trail in tests.</summary>
public static class AuditRecords
{
    /// <summary>Every record matching the query (all pages), as the caller sees them.</summary>
    public static async Task<List<JsonNode>> RecordsAsync(HttpClient client, string query = "")
    {
        var records = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = await client.GetAsync($"/api/v1/audit?limit=1000{(query.Length > 0 ? "&" + query : "")}{(after is null ? "" : "&after=" + after)}")
                .Expect(HttpStatusCode.OK);
            records.AddRange(page["items"]!.AsArray().Select(r => r!));
            after = page["next"]?.ToString();
        }
        while (after is not null);

        return records;
    }

    /// <summary>The records after <paramref name="afterId"/>: what one step of a test left.</summary>
    public static Task<List<JsonNode>> SinceAsync(HttpClient op, long afterId) => RecordsAsync(op, $"after={afterId}");

    /// <summary>The id of the newest record now (0 when there is none): mark it before a step, read what came since after.</summary>
    public static async Task<long> MarkAsync(HttpClient op) =>
        (await RecordsAsync(op)).Select(r => r["id"]!.GetValue<long>()).DefaultIfEmpty(0).Max();
}
