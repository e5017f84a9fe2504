using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Tests.Support;

/// <summary>Short ways to write resource vectors in test tables.</summary>
internal static class Vec
{
    /// <summary>Parses "vcpu=4 memoryGiB=16" (blank or "0" gives zero).</summary>
    public static ResourceVector Parse(string text) =>
        ResourceVector.Of(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part != "0")
            .Select(part => part.Split('='))
            .Select(kv => (kv[0], long.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray());

    public static ResourceVector Cpu(long vcpu) => ResourceVector.Of((ResourceNames.Vcpu, vcpu));

    public static ResourceVector CpuMem(long vcpu, long memoryGiB) => ResourceVector.Of(vcpu, memoryGiB);
}
