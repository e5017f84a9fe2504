using CloudMgmt.Policies.Loading;
using CloudMgmt.Policies.Model;

namespace CloudMgmt.Policies;

/// <summary>
/// The placement policy in force: an immutable snapshot, read from a file when one is configured,
/// otherwise the shipped default. A policy with errors is refused whole, with every error listed.
/// </summary>
public sealed class PlacementPolicySource(PlacementPolicy policy)
{
    public PlacementPolicy Current { get; } = policy;

    public static PlacementPolicySource FromFileOrDefault(string? path)
    {
        var yaml = path is null ? ReadDefault() : File.ReadAllText(path);
        var (policy, errors) = PolicyLoader.Load(yaml);
        return policy is not null
            ? new PlacementPolicySource(policy)
            : throw new InvalidOperationException($"the placement policy {path ?? "(default)"} is invalid:\n  " + string.Join("\n  ", errors));
    }

    private static string ReadDefault()
    {
        using var stream = typeof(PlacementPolicySource).Assembly.GetManifestResourceStream("CloudMgmt.Policies.default.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
