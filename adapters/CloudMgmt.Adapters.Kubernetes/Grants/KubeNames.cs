using System.Security.Cryptography;
using System.Text;

namespace CloudMgmt.Adapters.Kubernetes.Grants;

/// <summary>
/// Kubernetes names and label values derived from our ids. Ids may hold characters Kubernetes does
/// not allow, and two ids may sanitise alike, so a name carries a short hash of the exact id:
/// <c>cm-health-commission-3f2a9c1b</c>. The exact ids travel in annotations beside the labels.
/// </summary>
internal static class KubeNames
{
    private const int MaxName = 63;
    private const int HashLength = 8;

    /// <summary>The namespace of a tenant: a DNS-1123 label.</summary>
    public static string Namespace(string prefix, string tenantId) => Derive(prefix, tenantId);

    /// <summary>The ResourceQuota of an allocation, in its tenant's namespace.</summary>
    public static string Quota(string prefix, string allocationId) => Derive(prefix, allocationId);

    /// <summary>The value itself when it is a valid label value, otherwise a sanitised form with the hash.</summary>
    public static string LabelValue(string value) => IsLabelValue(value) ? value : Derive("x", value);

    public static bool IsLabelValue(string value) =>
        value.Length <= MaxName
        && (value.Length == 0 || (char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])))
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Derive(string prefix, string id)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..HashLength];
        var room = MaxName - prefix.Length - HashLength - 2;
        var body = Sanitise(id);
        body = body.Length > room ? body[..room].TrimEnd('-') : body;
        return body.Length == 0 ? $"{prefix}-{hash}" : $"{prefix}-{body}-{hash}";
    }

    /// <summary>Lower-case letters, digits and single dashes, no dash at either end.</summary>
    private static string Sanitise(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id.ToLowerInvariant())
        {
            var kept = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (kept != '-' || (sb.Length > 0 && sb[^1] != '-'))
            {
                sb.Append(kept);
            }
        }

        return sb.ToString().Trim('-');
    }
}
