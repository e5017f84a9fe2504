namespace CloudMgmt.Faults.Tests.Model;

/// <summary>
/// One run's own quota tree and clouds (ids prefixed with the seed, so that runs share one controller
/// without meeting): province > city > two departments, one tenant in each, and two sandbox clouds.
/// Every fourth seed's clouds are small (<see cref="Exhausting"/>): they run out of room before the
/// quota does, so that placements fail and growths are refused by the cloud.
/// </summary>
public sealed class Tree(int seed)
{
    /// <summary>Requests above this many vcpu wait for an operator.</summary>
    public const long ApprovalAbove = 12;

    /// <summary>Each department's vcpu quota (memory is four times it): small, so that growths are refused now and then.</summary>
    public const long DepartmentVcpu = 40;

    /// <summary>Each cloud's size in an exhausting run: the two hold a fifth of what the two departments may reserve, and no request above the approval threshold.</summary>
    public const string SmallCloud = "vcpu=8,memoryGiB=32";

    /// <summary>Are this run's clouds small enough to run out of room?</summary>
    public bool Exhausting { get; } = seed % 4 == 0;

    public string Province { get; } = $"s{seed}-province";

    public string City { get; } = $"s{seed}-city";

    public string[] Departments { get; } = [$"s{seed}-dept-a", $"s{seed}-dept-b"];

    public string[] Clouds { get; } = [$"s{seed}-cloud-a", $"s{seed}-cloud-b"];

    /// <summary>The run's clouds' region, which its requests ask for: no run places on another's clouds.</summary>
    public string Region { get; } = $"region-s{seed}";

    public IEnumerable<string> Pools => new[] { Province, City }.Concat(Departments);

    public string TenantOf(string department) => department.Replace("dept", "tenant", StringComparison.Ordinal);
}
