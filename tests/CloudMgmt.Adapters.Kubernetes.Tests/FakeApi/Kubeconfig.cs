namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>A kubeconfig file for the fake API server, written into a credentials directory of its own, where a reference can name it.</summary>
internal sealed class Kubeconfig : IDisposable
{
    public Kubeconfig(Uri server, string token)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloudmgmt-kube-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "kubeconfig.yaml");
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

    /// <summary>The credentials directory this kubeconfig is in; the tests' resolver and controller are confined to it.</summary>
    public string Directory { get; }

    public CredentialsResolver Credentials => new(new CredentialsOptions { Directory = Directory });

    /// <summary>Writes another file into the credentials directory and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string CredentialsRef => $"file:{Path}";

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
