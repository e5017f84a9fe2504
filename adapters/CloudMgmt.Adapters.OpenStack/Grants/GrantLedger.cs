using System.Text.Json.Nodes;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.OpenStack.Grants;

/// <summary>One allocation's grant in a tenant project.</summary>
internal sealed record LedgerEntry(string AllocationId, ResourceVector Granted, string? Zone);

/// <summary>
/// The grants of one tenant project, kept on the project itself (a Keystone project property), so
/// that the cloud alone says which allocation holds what: a retry after a crash finds its entry and
/// adopts it, and a project's quota is always the sum of its entries. Immutable; pure.
/// </summary>
internal sealed class GrantLedger
{
    /// <summary>The Keystone project property that holds the ledger.</summary>
    public const string Property = "cloudmgmt_grants";

    public static readonly GrantLedger Empty = new(new Dictionary<string, LedgerEntry>(StringComparer.Ordinal));

    private GrantLedger(Dictionary<string, LedgerEntry> entries) => Entries = entries;

    public IReadOnlyDictionary<string, LedgerEntry> Entries { get; }

    public ResourceVector Total => Entries.Values.Aggregate(ResourceVector.Zero, (sum, e) => sum + e.Granted);

    public GrantLedger With(LedgerEntry entry) => new(new Dictionary<string, LedgerEntry>(Entries, StringComparer.Ordinal) { [entry.AllocationId] = entry });

    public GrantLedger Without(string allocationId)
    {
        var copy = new Dictionary<string, LedgerEntry>(Entries, StringComparer.Ordinal);
        copy.Remove(allocationId);
        return new GrantLedger(copy);
    }

    /// <summary>Reads the property; anything malformed in it is skipped rather than trusted.</summary>
    public static GrantLedger Parse(JsonNode? property)
    {
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        if (property is JsonObject obj)
        {
            foreach (var (allocationId, node) in obj)
            {
                if (node is not JsonObject item || item["resources"] is not JsonObject resources)
                    continue;
                var pairs = resources
                    .Where(r => r.Value is JsonValue v && v.TryGetValue<long>(out var n) && n >= 0 && ResourceNames.IsValid(r.Key))
                    .Select(r => KeyValuePair.Create(r.Key, r.Value!.GetValue<long>()));
                entries[allocationId] = new LedgerEntry(allocationId, ResourceVector.From(pairs), item["zone"]?.ToString());
            }
        }
        return new GrantLedger(entries);
    }

    public JsonObject ToJson()
    {
        var obj = new JsonObject();
        foreach (var entry in Entries.Values.OrderBy(e => e.AllocationId, StringComparer.Ordinal))
        {
            var resources = new JsonObject();
            foreach (var (name, value) in entry.Granted.Entries)
                resources[name] = value;
            var item = new JsonObject { ["resources"] = resources };
            if (entry.Zone is not null)
                item["zone"] = entry.Zone;
            obj[entry.AllocationId] = item;
        }
        return obj;
    }
}
