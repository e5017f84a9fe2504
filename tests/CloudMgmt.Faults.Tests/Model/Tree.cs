namespace CloudMgmt.Faults.Tests.Model;

/// <summary>
/// One run's own quota tree and clouds (ids prefixed with the seed, so that runs share one controller
/// without meeting): province > city > two departments, one tenant in each, and two sandbox clouds.
/// </summary>
public sealed class Tree(int seed)
{
    /// <summary>Requests above this many vcpu wait for an operator.</summary>
    public const long ApprovalAbove = 12;

    /// <summary>Each department's vcpu quota (memory is four times it): small, so that growths are refused now and then.</summary>
    public const long DepartmentVcpu = 40;

    public string Province { get; } = $"s{seed}-province";

    public string City { get; } = $"s{seed}-city";

    public string[] Departments { get; } = [$"s{seed}-dept-a", $"s{seed}-dept-b"];

    public string[] Clouds { get; } = [$"s{seed}-cloud-a", $"s{seed}-cloud-b"];

    /// <summary>The run's clouds' region, which its requests ask for: no run places on another's clouds.</summary>
    public string Region { get; } = $"region-s{seed}";

    public IEnumerable<string> Pools => new[] { Province, City }.Concat(Departments);

    public string TenantOf(string department) => department.Replace("dept", "tenant", StringComparison.Ordinal);
}
