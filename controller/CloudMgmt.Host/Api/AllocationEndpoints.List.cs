using System.Security.Claims;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Grains.Tenants;
using CloudMgmt.Host.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

internal static partial class AllocationEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>
    /// Lists by tenant, then id. The cursor ("next") is "tenant/id" of the last item returned; pass it
    /// back as ?after= for the next page.
    /// </summary>
    private static async Task<IResult> List(
        IGrainFactory grains, ClaimsPrincipal user, [FromQuery] string? tenant, [FromQuery] string? status,
        [FromQuery] int? limit, [FromQuery] string? after)
    {
        var v = new Validation();
        v.Id("tenant", tenant, required: false);
        AllocationStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<AllocationStatus>(status, ignoreCase: true, out var s))
            {
                wanted = s;
            }
            else
            {
                v.Add("status", $"must be one of {string.Join(", ", Enum.GetNames<AllocationStatus>())}");
            }
        }

        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            v.Add("limit", $"must be between 1 and {MaxPageSize}");
        }

        var (afterTenant, afterId) = SplitCursor(after);
        if (after is not null && afterTenant is null)
        {
            v.Add("after", "must be the 'next' value of a previous page");
        }

        if (!v.Ok)
        {
            return v.Problem();
        }

        var bound = user.BoundTenant();
        if (bound is not null && tenant is not null && tenant != bound)
        {
            return Results.Ok(new PageResponse<AllocationSummaryResponse>([], null));
        }

        // A tenant the catalog does not know has no allocations: its index grain is not woken for it.
        var catalog = grains.GetGrain<ICatalogGrain>(CatalogGrain.Key);
        var tenants = bound is not null ? [bound]
            : tenant is not null ? (await catalog.GetTenant(tenant) is null ? [] : [tenant])
            : (await catalog.ListTenants()).Select(t => t.Id).ToList();

        var items = new List<AllocationSummary>();
        string? next = null;
        foreach (var t in tenants.Where(t => afterTenant is null || string.CompareOrdinal(t, afterTenant) >= 0))
        {
            var page = await grains.GetGrain<ITenantGrain>(t).List(
                new AllocationQuery(wanted, t == afterTenant ? afterId : null, size - items.Count));
            items.AddRange(page.Items);
            if (items.Count >= size)
            {
                next = page.Next is not null || t != tenants[^1] ? $"{t}/{items[^1].Id}" : null;
                break;
            }
        }

        return Results.Ok(new PageResponse<AllocationSummaryResponse>(items.Select(Dto.Summary).ToList(), next));
    }

    private static (string? Tenant, string? Id) SplitCursor(string? after)
    {
        var slash = after?.IndexOf('/') ?? -1;
        return slash > 0 ? (after![..slash], after[(slash + 1)..]) : (null, null);
    }
}
