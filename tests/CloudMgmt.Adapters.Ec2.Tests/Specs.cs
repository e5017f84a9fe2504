using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>Grant specs with a fresh allocation id each, so tests sharing one fake never meet.</summary>
internal static class Specs
{
    public static GrantSpec For(ResourceVector resources, string name = "grant") =>
        new(new GrantRef($"alloc-{name}-{Guid.NewGuid():N}", new TenantRef("health", "dept")), resources, null, new Dictionary<string, string>());

    public static Dictionary<string, string> Settings(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
