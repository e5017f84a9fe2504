using k8s;
using k8s.Exceptions;

namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>
/// Builds the client of one registered cloud: from the kubeconfig its credentials reference names
/// (with an optional context), or from the pod's service account when <c>inCluster</c> is set. The
/// cloud's <c>endpoint</c>, when given, overrides the server URL. Errors name the reference and the
/// context, never the kubeconfig's content.
/// </summary>
internal static class KubernetesConnection
{
    public static AdapterResult<IKubernetes> Open(CloudConnection connection, KubernetesSettings settings)
    {
        var configuration = settings.InCluster ? InCluster() : FromKubeconfig(connection, settings);
        if (!configuration.Succeeded)
        {
            return configuration.Error!;
        }

        var config = configuration.Value!;
        if (!string.IsNullOrWhiteSpace(connection.Endpoint))
        {
            config.Host = connection.Endpoint;
        }

        config.HttpClientTimeout = settings.Timeout;
        return new k8s.Kubernetes(config);
    }

    private static AdapterResult<KubernetesClientConfiguration> InCluster()
    {
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            return AdapterError.Of(AdapterErrorKind.Invalid, "inCluster=true, but this process does not run in a Kubernetes pod with a service account");
        }

        try
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException)
        {
            return AdapterError.Of(AdapterErrorKind.Unauthorized, $"the in-cluster service account cannot be read ({e.GetType().Name})");
        }
    }

    private static AdapterResult<KubernetesClientConfiguration> FromKubeconfig(CloudConnection connection, KubernetesSettings settings)
    {
        var kubeconfig = CredentialsReference.Resolve(connection.CredentialsRef);
        if (!kubeconfig.Succeeded)
        {
            return kubeconfig.Error!;
        }

        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(kubeconfig.Value!));
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(stream, settings.Context);
        }
        catch (Exception e) when (e is KubeConfigException or YamlDotNet.Core.YamlException or ArgumentException or FormatException
            or InvalidOperationException or IOException or NullReferenceException)
        {
            // The exception's own message may quote the kubeconfig (tokens, keys), so only its type is told.
            var context = settings.Context is null ? "its current context" : $"context '{settings.Context}'";
            return AdapterError.Of(AdapterErrorKind.Invalid,
                $"credentialsRef {connection.CredentialsRef}: not a usable kubeconfig for {context} ({e.GetType().Name})");
        }
    }
}
