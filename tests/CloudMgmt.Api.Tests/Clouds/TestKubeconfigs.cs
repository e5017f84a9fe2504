namespace CloudMgmt.Api.Tests.Clouds;

internal static class TestKubeconfigs
{
    /// <summary>A valid kubeconfig whose server is a closed port: registration calls no cloud, and a dry run finds nobody there.</summary>
    public const string ClosedPort = """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]
        users: [{name: u, user: {token: kube-token-never-shown}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """;
}
