using k8s;
using YamlDotNet.Serialization;

namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>
/// The <c>tokenFile</c> of each user of a kubeconfig, in the order of its users: client-go's field
/// for a token kept in a file, which the C# client's model does not have. Read with the client
/// library's own YAML reader, so that both see the same document (duplicate keys, anchors).
/// </summary>
internal static class TokenFiles
{
    public static IReadOnlyList<string?> Read(string kubeconfig) =>
        KubernetesYaml.Deserialize<Document>(kubeconfig)?.Users?.Select(u => u?.User?.TokenFile).ToList() ?? [];

    // The shape YAML is read into; only the path to tokenFile matters, every other key is ignored.
    private sealed class Document
    {
        [YamlMember(Alias = "users")]
        public List<NamedUser?>? Users { get; set; }
    }

    private sealed class NamedUser
    {
        [YamlMember(Alias = "user")]
        public UserFields? User { get; set; }
    }

    private sealed class UserFields
    {
        [YamlMember(Alias = "tokenFile")]
        public string? TokenFile { get; set; }
    }
}
