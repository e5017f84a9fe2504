using Amazon.EC2.Model;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Catalogue;

/// <summary>
/// One instance type as the controller counts it: vCPUs, memory in whole GiB (rounded down, so a
/// t3.nano's 0.5 GiB counts as none and a grant is never over-reported), GPUs, and the architecture
/// under the name the controller uses (EC2's arm64 is aarch64, as on the Xinchuang cloud).
/// </summary>
internal sealed record InstanceShape(string Name, int Vcpu, long MemoryGiB, int Gpu, string Architecture)
{
    public string Family => Name.Split('.')[0];

    public ResourceVector Size => ResourceVector.Of(Vcpu, MemoryGiB, 0, Gpu);

    /// <summary>The shape of an EC2 instance type, or null for one the controller cannot use (no x86_64 or arm64, no vCPUs).</summary>
    public static InstanceShape? From(InstanceTypeInfo info)
    {
        var architectures = info.ProcessorInfo?.SupportedArchitectures ?? [];
        var architecture = architectures.Contains("x86_64") ? "x86_64" : architectures.Contains("arm64") ? "aarch64" : null;
        var vcpu = info.VCpuInfo?.DefaultVCpus ?? 0;
        if (architecture is null || vcpu <= 0 || info.InstanceType is null)
        {
            return null;
        }

        var gpus = (info.GpuInfo?.Gpus ?? []).Sum(g => g.Count ?? 0);
        return new InstanceShape(info.InstanceType, vcpu, (info.MemoryInfo?.SizeInMiB ?? 0) / 1024, gpus, architecture);
    }
}
