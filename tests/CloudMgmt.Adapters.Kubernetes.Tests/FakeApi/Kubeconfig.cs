namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>A kubeconfig file for the fake API server, written where a credentials reference can name it.</summary>
internal sealed class Kubeconfig : IDisposable
{
    public Kubeconfig(Uri server, string token)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cloudmgmt-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {server.ToString().TrimEnd('/')}
            - name: elsewhere
              cluster:
                server: http://127.0.0.1:9
            users:
            - name: tester
              user:
                token: {token}
            contexts:
            - name: elsewhere
              context:
                cluster: elsewhere
                user: tester
            - name: fake
              context:
                cluster: fake
                user: tester
            current-context: elsewhere
            """);
    }

    public const string Context = "fake";

    public string Path { get; }

    public string CredentialsRef => $"file:{Path}";

    public void Dispose() => File.Delete(Path);
}
