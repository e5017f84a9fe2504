using CloudMgmt.Application;
using CloudMgmt.Application.Allocations;
using CloudMgmt.Grains;

namespace CloudMgmt.Portal.Efficiency;

/// <summary>
/// The grants the elastic policy has marked idle, within the caller's reach: its Ready allocations
/// (every page of them), read one by one through the application layer, those with an idle mark kept,
/// soonest reclaim first (protected ones, never reclaimed, last).
/// </summary>
public static class IdleGrants
{
    public static async Task<Outcome<IReadOnlyList<AllocationResponse>>> ListAsync(AllocationService allocations, Caller caller)
    {
        var idle = new List<AllocationResponse>();
        string? after = null;
        do
        {
            var page = await allocations.ListAsync(caller, new AllocationFilter(null, "Ready", AllocationService.MaxPageSize, after));
            if (page.Failure is { } failure)
            {
                return failure;
            }

            foreach (var item in page.Value!.Items)
            {
                if ((await allocations.GetAsync(caller, item.Id)).Value is { } view && AllocationResponse.From(view) is { IdleSince: not null } response)
                {
                    idle.Add(response);
                }
            }

            after = page.Value.Next;
        }
        while (after is not null);

        return idle.OrderBy(a => a.ReclaimAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }
}
