using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Grants;

/// <summary>How many instances of one type a grant reserves.</summary>
internal sealed record PlannedReservation(InstanceShape Shape, int Count);

/// <summary>The reservations that cover a grant, and what they cost.</summary>
internal sealed record CoverPlan(IReadOnlyList<PlannedReservation> Reservations, decimal Cost)
{
    public int Instances => Reservations.Sum(r => r.Count);

    public ResourceVector Covered => Reservations.Aggregate(ResourceVector.Zero, (sum, r) => sum + Times(r.Shape.Size, r.Count));

    public static ResourceVector Times(ResourceVector size, long count) =>
        ResourceVector.From(size.Entries.Select(e => new KeyValuePair<string, long>(e.Key, e.Value * count)));
}

/// <summary>
/// Finds the cheapest set of instances whose summed vCPUs, memory and GPUs cover a resource vector:
/// every single type, and every mix of two types (some of one, the rest filled with the other), ties
/// broken by fewer instances, then by name. Exact for one or two types, which is what reservations
/// of a grant are; a type with GPUs is only used when GPUs are asked for.
/// </summary>
internal static class CoverPlanner
{
    private const int MaxInstancesPerType = 2000;
    private const int MaxMixed = 256; // mixes with more of the first type than this are not tried: the search stays small

    public static CoverPlan? Cheapest(ResourceVector need, IReadOnlyList<InstanceShape> candidates, Func<InstanceShape, decimal> cost)
    {
        var usable = candidates.Where(s => need[ResourceNames.Gpu] > 0 || s.Gpu == 0).ToList();
        CoverPlan? best = null;
        foreach (var a in usable)
        {
            var alone = CountToCover(need, a);
            if (alone is null)
            {
                continue;
            }

            best = Better(best, Plan([(a, alone.Value)], cost));
            foreach (var b in usable.Where(b => b != a))
            {
                for (var n = 1; n < Math.Min(alone.Value, MaxMixed); n++)
                {
                    var rest = need.SaturatingSubtract(CoverPlan.Times(a.Size, n));
                    if (CountToCover(rest, b) is { } m and > 0)
                    {
                        best = Better(best, Plan([(a, n), (b, m)], cost));
                    }
                }
            }
        }

        return best;
    }

    /// <summary>How many instances of one shape cover the need; null when the shape lacks a resource the need has.</summary>
    public static int? CountToCover(ResourceVector need, InstanceShape shape)
    {
        long count = 0;
        foreach (var (name, amount) in need.Entries)
        {
            var per = shape.Size[name];
            if (per == 0)
            {
                return null;
            }

            count = Math.Max(count, (amount + per - 1) / per);
        }

        return count <= MaxInstancesPerType ? (int)count : null;
    }

    private static CoverPlan Plan(IReadOnlyList<(InstanceShape Shape, int Count)> parts, Func<InstanceShape, decimal> cost) =>
        new(parts.OrderBy(p => p.Shape.Name, StringComparer.Ordinal).Select(p => new PlannedReservation(p.Shape, p.Count)).ToList(),
            parts.Sum(p => cost(p.Shape) * p.Count));

    private static CoverPlan Better(CoverPlan? best, CoverPlan candidate)
    {
        if (best is null)
        {
            return candidate;
        }

        var order = candidate.Cost.CompareTo(best.Cost);
        order = order != 0 ? order : candidate.Instances.CompareTo(best.Instances);
        order = order != 0 ? order : string.CompareOrdinal(Names(candidate), Names(best));
        return order < 0 ? candidate : best;
    }

    private static string Names(CoverPlan plan) => string.Join(",", plan.Reservations.Select(r => r.Shape.Name));
}
