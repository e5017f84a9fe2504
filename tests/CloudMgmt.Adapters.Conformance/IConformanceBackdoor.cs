using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Conformance;

/// <summary>
/// What the suite needs to do to a cloud behind the adapter's back. Each adapter's tests implement
/// it with the cloud's own API (for the sandbox, its back door; for OpenStack, direct API calls).
/// </summary>
public interface IConformanceBackdoor
{
    /// <summary>Changes a grant's size on the cloud, as an operator would by hand.</summary>
    Task ChangeGrantAsync(GrantRef grant, ResourceVector granted);

    /// <summary>Deletes a grant on the cloud.</summary>
    Task DeleteGrantAsync(GrantRef grant);

    /// <summary>Creates an object with our management marks that no allocation knows of.</summary>
    Task CreateOrphanAsync(GrantRef grant, ResourceVector granted);

    /// <summary>How many objects on the cloud carry this allocation's mark.</summary>
    Task<int> CountObjectsAsync(GrantRef grant);

    /// <summary>Makes every call fail as the cloud would in an outage, or ends that.</summary>
    Task SetOutageAsync(bool down);

    /// <summary>A request no zone of the cloud can hold.</summary>
    ResourceVector MoreThanAnyZone { get; }

    /// <summary>A request every test may make several of.</summary>
    ResourceVector Small { get; }
}
