using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Quota;

/// <summary>
/// What one pool holds for one allocation: the part charged to its own guaranteed share, and the
/// part it holds in its parent (the spill). Recording the split, rather than recomputing it on
/// release, is what makes a release return exactly what the reservation took at every level.
/// </summary>
public sealed record LedgerEntry(ResourceVector Local, ResourceVector Spill)
{
    public ResourceVector Amount => Local + Spill;
}
