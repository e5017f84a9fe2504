using CloudMgmt.Adapters.Ec2.Catalogue;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Grants;

/// <summary>
/// Chooses the instance types that cover a grant, from the types a zone offers: the setting
/// <c>instancePolicy</c> names it (<c>cheapest-fit</c>, or <c>family:m5</c> to keep to one family).
/// Only types of the cloud's architecture are used; with a price table only priced types, costed by
/// it, otherwise the vCPU count stands in for the price.
/// </summary>
internal sealed class InstancePolicy(Ec2Settings settings)
{
    private readonly string? _family = settings.Policy.StartsWith("family:", StringComparison.Ordinal) ? settings.Policy[7..] : null;

    public string Describe => $"{settings.Policy} ({settings.Architecture})";

    public CoverPlan? Plan(ResourceVector need, IReadOnlyList<InstanceShape> offered)
    {
        var candidates = offered
            .Where(s => s.Architecture == settings.Architecture)
            .Where(s => _family is null || s.Family == _family)
            .Where(s => settings.Prices is null || settings.Prices.ContainsKey(s.Name))
            .ToList();
        return CoverPlanner.Cheapest(need, candidates, Cost);
    }

    private decimal Cost(InstanceShape shape) => settings.Prices?.GetValueOrDefault(shape.Name) ?? shape.Vcpu;
}
