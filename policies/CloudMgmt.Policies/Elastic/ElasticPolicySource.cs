namespace CloudMgmt.Policies.Elastic;

/// <summary>
/// The elastic policy in force: an immutable snapshot, read from a file when one is configured
/// (Elastic:PolicyFile), otherwise the shipped default. A policy with errors is refused whole, with every error listed.
/// </summary>
public sealed class ElasticPolicySource(ElasticPolicy policy)
{
    public ElasticPolicy Current { get; } = policy;

    public static ElasticPolicySource FromFileOrDefault(string? path)
    {
        var yaml = string.IsNullOrEmpty(path) ? ReadDefault() : File.ReadAllText(path);
        var (policy, errors) = ElasticPolicyLoader.Load(yaml);
        return policy is not null
            ? new ElasticPolicySource(policy)
            : throw new InvalidOperationException($"the elastic policy {path ?? "(default)"} is invalid:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>The shipped policies/elastic/default.yaml, embedded in the assembly.</summary>
    public static string ReadDefault()
    {
        using var stream = typeof(ElasticPolicySource).Assembly.GetManifestResourceStream("CloudMgmt.Policies.elastic.default.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
