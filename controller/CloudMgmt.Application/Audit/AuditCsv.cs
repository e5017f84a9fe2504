using System.Globalization;
using System.Text;

namespace CloudMgmt.Application.Audit;

/// <summary>The audit page as CSV (RFC 4180), for spreadsheets and assessors.</summary>
public static class AuditCsv
{
    private static readonly string[] Header =
        ["id", "at", "actor_kind", "actor_id", "actor_name", "actor_role", "actor_tenant", "actor_pool", "source", "request_id", "action", "target", "outcome", "detail"];

    public static string Write(IEnumerable<AuditRecordResponse> records)
    {
        var csv = new StringBuilder().AppendJoin(',', Header).Append("\r\n");
        foreach (var r in records)
        {
            string?[] fields =
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.Actor.Kind, r.Actor.Id,
                r.Actor.Name, r.Actor.Role, r.Actor.Tenant, r.Actor.Pool, r.Source, r.RequestId, r.Action, r.Target,
                r.Outcome.ToString(CultureInfo.InvariantCulture), r.Detail,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// Quoted when it must be; a field a spreadsheet would take for a formula (=, +, -, @ first) gets a
    /// leading apostrophe, since names and details come from callers.
    /// </summary>
    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        if (field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
