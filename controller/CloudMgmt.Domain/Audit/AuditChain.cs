using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace CloudMgmt.Domain.Audit;

/// <summary>
/// The hash chain over the audit records. Each record's hash covers every field it stores and the
/// hash of the record before it, so a record changed or deleted in the database no longer links to
/// its neighbours. The canonical form is a JSON array of the fields in a fixed order, so no two
/// different records can serialise to the same bytes.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first record ever stored links to.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Times are kept to the millisecond: every store holds that exactly, so the hash can be recomputed from what was read.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>The form every store writes and compares times in: sortable text, fixed width.</summary>
    public static string FormatTime(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static AuditRecord Seal(long id, AuditEntry entry, string prevHash)
    {
        var normalized = entry.Normalized();
        return new AuditRecord(id, normalized, prevHash, HashOf(id, normalized, prevHash));
    }

    public static string HashOf(long id, AuditEntry e, string prevHash)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(id);
            json.WriteStringValue(FormatTime(e.At));
            foreach (var text in new[] { e.Actor.Kind, e.Actor.Id, e.Actor.Name, e.Actor.Role, e.Actor.Tenant, e.Actor.Pool, e.Source, e.RequestId, e.Action, e.Target })
            {
                Write(json, text);
            }

            json.WriteNumberValue(e.Outcome);
            Write(json, e.Detail);
            Write(json, e.Scope.PoolPath);
            Write(json, e.Scope.Tenant);
            json.WriteStringValue(prevHash);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter json, string? text)
    {
        if (text is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(text);
        }
    }
}
