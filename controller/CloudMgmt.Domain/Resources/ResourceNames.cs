namespace CloudMgmt.Domain.Resources;

/// <summary>Well-known resource names. Any other name matching <see cref="IsValid"/> is allowed too.</summary>
public static class ResourceNames
{
    public const string Vcpu = "vcpu";
    public const string MemoryGiB = "memoryGiB";
    public const string StorageGiB = "storageGiB";
    public const string Gpu = "gpu";

    public static readonly IReadOnlyList<string> WellKnown = [Vcpu, MemoryGiB, StorageGiB, Gpu];

    /// <summary>
    /// A resource name is a short identifier: a letter, then letters, digits, '.', '-', '_' or '/'
    /// (so extended names such as "nvidia.com/gpu" fit), at most 63 characters.
    /// </summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 63 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
