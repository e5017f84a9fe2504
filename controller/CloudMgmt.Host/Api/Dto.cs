using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Host.Api;

/// <summary>Maps grain messages to wire shapes for the endpoints not yet behind the application layer (clouds, reports).</summary>
internal static class Dto
{
    public static IReadOnlyDictionary<string, long> Map(ResourceVector v) => Application.Pools.PoolResponse.Map(v);
}
