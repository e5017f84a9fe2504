using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;

namespace CloudMgmt.Grains.Allocations;

public sealed partial class AllocationGrain
{
    /// <summary>
    /// The merge happens here, on the amounts held when the call runs (calls to one allocation run one
    /// at a time), so two patches of different resources sent together both take effect.
    /// </summary>
    public async Task<Outcome<AllocationView>> Patch(Dictionary<string, long?> resources, string? by)
    {
        if (Missing() is { } missing)
        {
            return missing;
        }

        var merged = ResourcePatch.Apply(VectorState.Load(S.Resources), resources);
        if (merged.IsZero)
        {
            return Failure.Invalid("resources",
                "after the patch no resource would be left; ask for a positive amount of at least one, or release the allocation");
        }

        return await Resize(merged, by);
    }
}
