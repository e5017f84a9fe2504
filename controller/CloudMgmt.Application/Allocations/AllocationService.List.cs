using CloudMgmt.Application.Access;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Application.Allocations;

public sealed partial class AllocationService
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>
    /// Lists by tenant, then id, over the tenants the caller reaches. The cursor ("next") is
    /// "tenant/id" of the last item returned; pass it back as ?after= for the next page.
    /// </summary>
    public async Task<Outcome<PageResponse<AllocationSummaryResponse>>> ListAsync(Caller caller, AllocationFilter filter)
    {
        if (await access.RoleAsync(caller, Operations.AllocationRead, Resource.WholeTree()) is { } refused)
        {
            return refused;
        }

        var v = new Validation();
        v.Id("tenant", filter.Tenant, required: false);
        AllocationStatus? wanted = null;
        if (filter.Status is not null)
        {
            if (Enum.TryParse<AllocationStatus>(filter.Status, ignoreCase: true, out var s) && !int.TryParse(filter.Status, out _))
            {
                wanted = s;
            }
            else
            {
                v.Add("status", $"must be one of {string.Join(", ", Enum.GetNames<AllocationStatus>())}");
            }
        }

        var size = filter.Limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            v.Add("limit", $"must be between 1 and {MaxPageSize}");
        }

        var (afterTenant, afterId) = SplitCursor(filter.After);
        if (filter.After is not null && afterTenant is null)
        {
            v.Add("after", "must be the 'next' value of a previous page");
        }

        if (v.Failure() is { } invalid)
        {
            return invalid;
        }

        var visible = (await access.Tree.VisibleTenantsAsync(caller.Principal)).Select(t => t.Id).ToList();
        var tenants = filter.Tenant is null ? visible : visible.Where(t => t == filter.Tenant).ToList();
        var items = new List<AllocationSummary>();
        string? next = null;
        foreach (var t in tenants.Where(t => afterTenant is null || string.CompareOrdinal(t, afterTenant) >= 0))
        {
            var page = await grains.GetGrain<ITenantGrain>(t).List(new AllocationQuery(wanted, t == afterTenant ? afterId : null, size - items.Count));
            items.AddRange(page.Items);
            if (items.Count >= size)
            {
                next = page.Next is not null || t != tenants[^1] ? $"{t}/{items[^1].Id}" : null;
                break;
            }
        }

        return new PageResponse<AllocationSummaryResponse>(items.Select(AllocationSummaryResponse.From).ToList(), next);
    }

    private static (string? Tenant, string? Id) SplitCursor(string? after)
    {
        var slash = after?.IndexOf('/') ?? -1;
        return slash > 0 ? (after![..slash], after[(slash + 1)..]) : (null, null);
    }
}
