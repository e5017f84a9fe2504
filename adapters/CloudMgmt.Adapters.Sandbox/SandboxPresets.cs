using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

/// <summary>The clouds the embedded default manages out of the box.</summary>
public static class SandboxPresets
{
    /// <summary>The provincial government cloud: x86, MLPS level 3, two zones.</summary>
    public static SandboxOptions ProvinceX86() => new()
    {
        Zones =
        [
            new SandboxZone("hefei-a", "x86_64", ResourceVector.Of(2048, 8192, 102400, 16)),
            new SandboxZone("hefei-b", "x86_64", ResourceVector.Of(2048, 8192, 102400, 16)),
        ],
        Labels = new Dictionary<string, string> { ["securityLevel"] = "3", ["architecture"] = "x86_64", ["xinchuang"] = "false" },
    };

    /// <summary>The domestic-technology (Xinchuang) cloud: ARM (Kunpeng), MLPS level 3.</summary>
    public static SandboxOptions XinchuangArm() => new()
    {
        Zones =
        [
            new SandboxZone("wuhu-a", "aarch64", ResourceVector.Of(1024, 4096, 51200)),
            new SandboxZone("wuhu-b", "aarch64", ResourceVector.Of(1024, 4096, 51200)),
        ],
        Labels = new Dictionary<string, string> { ["securityLevel"] = "3", ["architecture"] = "aarch64", ["xinchuang"] = "true" },
    };

    /// <summary>"vcpu=20,memoryGiB=80" as a vector; null when any pair is not a name and a whole amount from 0 to 10^12.</summary>
    public static ResourceVector? ParseCapacity(string text)
    {
        var entries = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (pair.Split('=', StringSplitOptions.TrimEntries) is not [{ Length: > 0 } name, var amount]
                || !long.TryParse(amount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value > 1_000_000_000_000 || !entries.TryAdd(name, value))
            {
                return null;
            }
        }

        return ResourceVector.From(entries);
    }
}
