using k8s;
using k8s.Exceptions;

namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>
/// Builds the client configuration of one registered cloud: from the kubeconfig its credentials
/// reference names (with an optional context), or from the pod's service account when
/// <c>inCluster</c> is set. The cloud's <c>endpoint</c>, when given, overrides the server URL; the
/// server the token goes to must be https unless the cloud allows an insecure endpoint. Problems
/// name the reference and the context, never the kubeconfig's content.
/// </summary>
internal static class KubernetesConnection
{
    public static KubernetesClientConfiguration? Prepare(
        CloudConnection connection, KubernetesSettings settings, CredentialsResolver credentials, List<RegistrationProblem> problems)
    {
        if (!settings.InCluster)
        {
            EndpointRule.CheckEndpoint(connection, required: false, problems);
        }

        var config = settings.InCluster ? InCluster(connection, problems) : FromKubeconfig(connection, settings, credentials, problems);
        if (config is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(connection.Endpoint))
        {
            config.Host = connection.Endpoint;
        }
        else if (EndpointRule.Check(config.Host ?? "", connection.AllowInsecureEndpoint) is { } why)
        {
            problems.Add(new RegistrationProblem(CredentialsResolver.Field, $"the kubeconfig's server {why}"));
        }

        config.HttpClientTimeout = settings.Timeout;
        return config;
    }

    /// <summary>
    /// The client, its answers bounded by <paramref name="maxAnswerBytes"/>; null with the problem added
    /// when the kubeconfig's certificate or key cannot be loaded (the client loads them when made).
    /// </summary>
    public static k8s.Kubernetes? Open(KubernetesClientConfiguration config, long maxAnswerBytes, List<RegistrationProblem> problems)
    {
        // No redirects: a followed one would carry the call, and the client certificate, to a server the registration never named.
        config.FirstMessageHandlerSetup = sockets => sockets.AllowAutoRedirect = false;
        try
        {
            return new k8s.Kubernetes(config, new BoundedAnswerHandler(maxAnswerBytes));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or ArgumentException
            or KubeConfigException or IOException or InvalidOperationException)
        {
            // As for the kubeconfig: the exception may quote the key, so only its type is told.
            problems.Add(new RegistrationProblem(CredentialsResolver.Field, $"the kubeconfig's client certificate or key cannot be loaded ({e.GetType().Name})"));
            return null;
        }
    }

    private static KubernetesClientConfiguration? InCluster(CloudConnection connection, List<RegistrationProblem> problems)
    {
        // The pod's own service account token must go nowhere but the API server the pod runs under.
        if (!string.IsNullOrWhiteSpace(connection.Endpoint))
        {
            problems.Add(new RegistrationProblem("endpoint", "must be empty with inCluster=true: the pod's service account talks to its own API server only"));
        }

        if (!string.IsNullOrWhiteSpace(connection.CredentialsRef))
        {
            problems.Add(new RegistrationProblem(CredentialsResolver.Field, "must be empty with inCluster=true: the pod's service account is used"));
        }

        if (!KubernetesClientConfiguration.IsInCluster())
        {
            problems.Add(new RegistrationProblem("settings.inCluster", "this process does not run in a Kubernetes pod with a service account"));
            return null;
        }

        try
        {
            return problems.Count == 0 ? KubernetesClientConfiguration.InClusterConfig() : null;
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new RegistrationProblem("settings.inCluster", $"the in-cluster service account cannot be read ({e.GetType().Name})"));
            return null;
        }
    }

    private static KubernetesClientConfiguration? FromKubeconfig(
        CloudConnection connection, KubernetesSettings settings, CredentialsResolver credentials, List<RegistrationProblem> problems)
    {
        if (credentials.Resolve(connection.CredentialsRef, problems) is not { } kubeconfig)
        {
            return null;
        }

        try
        {
            // The rules first: the library runs an exec plugin while it builds the configuration.
            return KubeconfigRules.Apply(kubeconfig, connection.AllowInsecureEndpoint, credentials, problems) is { } checkedConfig
                ? KubernetesClientConfiguration.BuildConfigFromConfigObject(checkedConfig, settings.Context)
                : null;
        }
        catch (Exception e) when (e is KubeConfigException or YamlDotNet.Core.YamlException or ArgumentException or FormatException
            or InvalidOperationException or IOException or NullReferenceException or UnauthorizedAccessException
            or System.Security.Cryptography.CryptographicException)
        {
            // The exception's own message may quote the kubeconfig (tokens, keys), so only its type is told.
            var context = settings.Context is null ? "its current context" : $"context '{HealthReason.Clean(settings.Context, 64)}'";
            problems.Add(new RegistrationProblem(CredentialsResolver.Field, $"is not a usable kubeconfig for {context} ({e.GetType().Name})"));
            return null;
        }
    }
}
