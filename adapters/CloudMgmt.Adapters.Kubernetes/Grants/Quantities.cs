using k8s.Models;

namespace CloudMgmt.Adapters.Kubernetes.Grants;

/// <summary>
/// Kubernetes quantities to and from our whole units: vcpu as cores, memoryGiB and storageGiB as Gi
/// (2^30 bytes), GPUs as a count. Parsing is exact (the client's fixed-point
/// <see cref="ResourceQuantity"/>); only the final step to a whole unit rounds, in the direction the
/// caller names: capacity and granted amounts round down (never promise what is not there), used
/// amounts round up (a little use is use).
/// </summary>
internal static class Quantities
{
    public const decimal GiB = 1024m * 1024m * 1024m;

    /// <summary>The exact value of a quantity string ("1500m" = 1.5, "64Gi" = 68719476736, "1e3" = 1000).</summary>
    public static decimal Parse(string text) => new ResourceQuantity(text).ToDecimal();

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            value = Parse(text);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return false;
        }
    }

    public static decimal Value(ResourceQuantity? quantity) => quantity?.ToDecimal() ?? 0;

    public static long Down(decimal value) => (long)decimal.Floor(value);

    public static long Up(decimal value) => (long)decimal.Ceiling(value);

    public static string Cores(long cores) => cores.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Gibibytes(long gib) => $"{gib.ToString(System.Globalization.CultureInfo.InvariantCulture)}Gi";

    public static string Count(long count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
