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
}
