using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>
/// What the operator reads of the controller's state through the API (the pool tree, tenants,
/// keys, clouds and allocations), canonicalised and hashed. Taken before and after a probe; a
/// probe that was refused must leave it unchanged. Each part is kept, so a failure says what moved.
/// </summary>
public sealed record StateFingerprint(IReadOnlyDictionary<string, string> Parts, string Hash)
{
    /// <summary>
    /// What a cloud reports by itself (capacity, use, zones, health) moves with every inventory
    /// refresh, not with requests, so it is left out; its registration and what we charged to it stay in.
    /// </summary>
    private static readonly string[] ObservedCloudFields = ["capacity", "used", "zones", "health"];

    /// <summary>
    /// A key's last use (to the minute, flushed in batches) moves with the fingerprint's own reads, not
    /// with the probe, so it is left out too; everything else of a key (scope, expiry, rotation, revocation) stays in.
    /// </summary>
    private static readonly string[] ObservedKeyFields = ["lastUsedAt"];

    private static readonly (string Part, string Url)[] Reads =
    [
        ("pools", "/api/v1/pools/tree"),
        ("tenants", "/api/v1/tenants"),
        ("keys", "/api/v1/keys"),
        ("clouds", "/api/v1/clouds"),
        ("allocations", "/api/v1/allocations?limit=500"),
    ];

    public static async Task<StateFingerprint> TakeAsync(HttpClient operatorClient)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, url) in Reads)
        {
            var node = await operatorClient.GetAsync(url).Expect(HttpStatusCode.OK);
            var observed = part switch
            {
                "clouds" => ObservedCloudFields,
                "keys" => ObservedKeyFields,
                _ => Array.Empty<string>(),
            };
            foreach (var item in observed.Length == 0 ? Enumerable.Empty<JsonObject>() : node.AsArray().OfType<JsonObject>())
            {
                foreach (var field in observed)
                {
                    item.Remove(field);
                }
            }

            parts[part] = node.ToJsonString();
        }

        var all = string.Join('\n', parts.Select(p => $"{p.Key}={p.Value}"));
        return new StateFingerprint(parts, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all))));
    }

    public static void AssertSame(StateFingerprint before, StateFingerprint after)
    {
        if (before.Hash == after.Hash)
        {
            return;
        }

        var moved = before.Parts.Keys.Where(k => before.Parts[k] != after.Parts.GetValueOrDefault(k)).ToList();
        Assert.Fail($"the state changed ({string.Join(", ", moved)}):\n" + string.Join('\n', moved.Select(k =>
            $"-- {k} before: {Shorten(before.Parts[k])}\n-- {k} after:  {Shorten(after.Parts[k])}")));
    }

    private static string Shorten(string text) => text.Length <= 1500 ? text : text[..1500] + "…";
}
