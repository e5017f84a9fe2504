using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Catalogue;

/// <summary>
/// The cloud's capacity as slices per availability zone and architecture. EC2 limits an account by
/// vCPUs per region, not per zone, so the vCPU limit is shared out evenly over the slices (their
/// sum is the limit, which is what placement compares against); a slice's memory and GPUs are what
/// its vCPUs could come with on the offered type richest in each.
/// </summary>
internal static class CapacityMap
{
    public static CloudCapacity Build(CatalogueSnapshot catalogue, long vcpuLimit, string region)
    {
        var slices = catalogue.Zones
            .SelectMany(z => z.Value.GroupBy(s => s.Architecture).Select(a => (Zone: z.Key, Architecture: a.Key, Shapes: a.ToList())))
            .OrderBy(s => s.Zone, StringComparer.Ordinal).ThenBy(s => s.Architecture, StringComparer.Ordinal)
            .ToList();
        var result = new List<CapacitySlice>();
        for (var i = 0; i < slices.Count; i++)
        {
            var (zone, architecture, shapes) = slices[i];
            var vcpu = vcpuLimit / slices.Count + (i < vcpuLimit % slices.Count ? 1 : 0);
            var memoryPerVcpu = shapes.Max(s => (double)s.MemoryGiB / s.Vcpu);
            var gpuPerVcpu = shapes.Max(s => (double)s.Gpu / s.Vcpu);
            var labels = new Dictionary<string, string> { ["architecture"] = architecture, ["region"] = region };
            result.Add(new CapacitySlice(zone, architecture, labels,
                ResourceVector.Of(vcpu, (long)Math.Floor(vcpu * memoryPerVcpu), 0, (long)Math.Floor(vcpu * gpuPerVcpu))));
        }

        return new CloudCapacity(result);
    }
}
