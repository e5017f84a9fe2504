using System.Globalization;
using System.Text;
using CloudMgmt.Metering.Reports;

namespace CloudMgmt.Application.Reports;

/// <summary>The efficiency report as CSV, one line per bucket, key and resource: what the API answers to text/csv and the console downloads.</summary>
public static class EfficiencyCsv
{
    public static string Write(UsageReportResult result)
    {
        var csv = new StringBuilder("from,to,by,key,resource,granted,used,efficiency,reclaimed,granted_unit_hours,used_unit_hours\n");
        var by = result.By.ToString().ToLowerInvariant();
        foreach (var row in result.Rows)
        {
            foreach (var (resource, f) in row.Resources)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{row.From:yyyy-MM-ddTHH:mm:ssZ},{row.To:yyyy-MM-ddTHH:mm:ssZ},{by},{Quote(row.Key)},{Quote(resource)},");
                csv.Append(CultureInfo.InvariantCulture,
                    $"{f.MeanGranted},{f.MeanUsed},{f.Efficiency?.ToString(CultureInfo.InvariantCulture) ?? ""},{f.Reclaimed},{Math.Round(f.GrantedUnitHours, 6)},{Math.Round(f.UsedUnitHours, 6)}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>Quoted when it must be; a field a spreadsheet would take for a formula (=, +, -, @ first) gets a leading quote mark.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"") + "\""
            : value;
}
