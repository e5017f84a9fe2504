using System.Text;
using k8s;
using k8s.KubeConfigModels;

namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>
/// What a kubeconfig may ask of the controller: a server and a way to authenticate, nothing more.
/// Refused, wherever they appear in the kubeconfig (every user, every cluster, not only the chosen
/// context's):
/// <list type="bullet">
/// <item><c>exec</c> credential plugins: the client library runs the program while it reads the
/// kubeconfig, inside the controller, with the controller's rights;</item>
/// <item><c>auth-provider</c>s: <c>gcp</c> runs its <c>cmd-path</c>, <c>azure</c> and <c>oidc</c> send
/// refresh tokens to URLs the kubeconfig names;</item>
/// <item><c>insecure-skip-tls-verify</c>, unless the cloud allows an insecure endpoint: the token would
/// go to whoever answers.</item>
/// </list>
/// Files it names (<c>certificate-authority</c>, <c>client-certificate</c>, <c>client-key</c>,
/// <c>tokenFile</c>) are read here under the rules of <c>file:</c> references (inside the credentials
/// directory, links checked, regular files, size-capped) and put inline, so that the client library
/// reads no file itself. Problems name the user or cluster and the field, never a value.
/// </summary>
internal static class KubeconfigRules
{
    /// <summary>The kubeconfig with every file it names put inline; null when it breaks a rule (each problem added under credentialsRef).</summary>
    public static K8SConfiguration? Apply(string text, bool allowInsecure, CredentialsResolver credentials, List<RegistrationProblem> problems)
    {
        K8SConfiguration config;
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(text)))
        {
            config = KubernetesClientConfiguration.LoadKubeConfig(stream);
        }

        var tokenFiles = TokenFiles.Read(text);
        var found = new List<string>();
        var users = (config.Users ?? []).ToList();
        for (var i = 0; i < users.Count; i++)
        {
            User(users[i], i < tokenFiles.Count ? tokenFiles[i] : null, credentials, found);
        }

        foreach (var cluster in config.Clusters ?? [])
        {
            Cluster(cluster, allowInsecure, credentials, found);
        }

        problems.AddRange(found.Select(p => new RegistrationProblem(CredentialsResolver.Field, p)));
        return found.Count == 0 ? config : null;
    }

    private static void User(User user, string? tokenFile, CredentialsResolver credentials, List<string> found)
    {
        var who = $"the kubeconfig's user '{Name(user.Name)}'";
        if (user.UserCredentials is not { } c)
        {
            return;
        }

        if (c.ExternalExecution is not null)
        {
            found.Add($"{who} has an exec credential plugin (users[].user.exec), which would run a program inside the controller; " +
                "give a token, or client-certificate-data and client-key-data, instead");
        }

        if (c.AuthProvider is not null)
        {
            found.Add($"{who} has an auth-provider (users[].user.auth-provider), which runs a command or fetches tokens from elsewhere; " +
                "give a token, or client-certificate-data and client-key-data, instead");
        }

        c.ClientCertificateData = Inline(who, "client-certificate", c.ClientCertificate, c.ClientCertificateData, credentials, found);
        c.ClientKeyData = Inline(who, "client-key", c.ClientKey, c.ClientKeyData, credentials, found);
        (c.ClientCertificate, c.ClientKey) = (null, null);
        if (!string.IsNullOrWhiteSpace(tokenFile) && Read(who, "tokenFile", tokenFile, credentials, found) is { } token && string.IsNullOrWhiteSpace(c.Token))
        {
            c.Token = token; // as client-go: a token given inline wins over the file
        }
    }

    private static void Cluster(Cluster cluster, bool allowInsecure, CredentialsResolver credentials, List<string> found)
    {
        var which = $"the kubeconfig's cluster '{Name(cluster.Name)}'";
        if (cluster.ClusterEndpoint is not { } endpoint)
        {
            return;
        }

        if (endpoint.SkipTlsVerify && !allowInsecure)
        {
            found.Add($"{which} turns off the server's certificate check (insecure-skip-tls-verify), so its token would go to whoever answers; " +
                "give certificate-authority-data, or register the cloud with allowInsecureEndpoint: true");
        }

        endpoint.CertificateAuthorityData = Inline(which, "certificate-authority", endpoint.CertificateAuthority, endpoint.CertificateAuthorityData, credentials, found);
        endpoint.CertificateAuthority = null;
    }

    /// <summary>The field's data as the library takes it (base64 of the PEM text): the given data, or the named file's.</summary>
    private static string? Inline(string owner, string field, string? path, string? data, CredentialsResolver credentials, List<string> found)
    {
        if (!string.IsNullOrEmpty(data) || string.IsNullOrWhiteSpace(path))
        {
            return data; // as the library: the inline data wins over the file, which is then never read
        }

        return Read(owner, field, path, credentials, found) is { } text ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : null;
    }

    private static string? Read(string owner, string field, string path, CredentialsResolver credentials, List<string> found)
    {
        var read = credentials.ResolveNamedFile(path);
        if (!read.Succeeded)
        {
            found.Add($"{field} of {owner}: {read.Error!.Message}");
        }

        return read.Value;
    }

    private static string Name(string? name) => HealthReason.Clean(name ?? "", 64);
}
