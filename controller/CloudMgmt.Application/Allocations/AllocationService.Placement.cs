using CloudMgmt.Application.Access;
using CloudMgmt.Grains;

namespace CloudMgmt.Application.Allocations;

public sealed partial class AllocationService
{
    private const string ExplainNote = "'current' was recomputed for this answer against the clouds' views as they are now, " +
        "with this allocation's own holds counted as free; it may differ from 'decided', the decision the allocation keeps.";

    /// <summary>
    /// Why an allocation is where it is: the bounded decision it keeps, and every cloud's verdicts now
    /// (recomputed; nothing is stored or changed). Whoever may read the allocation may ask; anyone else
    /// is answered as for a missing one.
    /// </summary>
    public async Task<Outcome<PlacementExplanationResponse>> ExplainPlacementAsync(Caller caller, string id)
    {
        if (await FindAsync(caller, Operations.AllocationRead, id) is var (view, refused) && refused is not null)
        {
            return refused;
        }

        var current = await Grain(id).ExplainPlacement();
        return new PlacementExplanationResponse(id, view!.Status.ToString(), true, time.GetUtcNow(), ExplainNote,
            PlacementResponse.Parse(view.Decision.PlacementJson), PlacementResponse.Parse(current));
    }
}
