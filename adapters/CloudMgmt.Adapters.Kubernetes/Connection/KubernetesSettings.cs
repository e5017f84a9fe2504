using System.Text.RegularExpressions;

namespace CloudMgmt.Adapters.Kubernetes.Connection;

/// <summary>
/// A Kubernetes cloud's settings (the registered cloud's <c>settings</c> map), every one optional:
/// <list type="bullet">
/// <item><c>context</c>: the kubeconfig context to use (default: the kubeconfig's current context).</item>
/// <item><c>inCluster</c>: <c>true</c> to use the pod's service account instead of a kubeconfig.</item>
/// <item><c>gpuResource</c>: the extended resource that counts GPUs (default <c>nvidia.com/gpu</c>).</item>
/// <item><c>setLimits</c>: <c>true</c> to put <c>limits.cpu</c> and <c>limits.memory</c> in quotas beside the requests.</item>
/// <item><c>namespacePrefix</c>: prefix of tenant namespaces and quota names (default <c>cm</c>).</item>
/// <item><c>defaultCpu</c>, <c>defaultMemory</c>, <c>defaultRequestCpu</c>, <c>defaultRequestMemory</c>: the LimitRange's
/// container defaults, so that pods without requests still count against the quota.</item>
/// <item><c>timeoutSeconds</c>: the HTTP time-out of one call (0.1 to 3600, default 30).</item>
/// <item><c>pageSize</c>: items per page when listing nodes and quotas (1 to 5000, default 250).</item>
/// </list>
/// </summary>
internal sealed partial record KubernetesSettings(
    string? Context,
    bool InCluster,
    string GpuResource,
    bool SetLimits,
    string NamespacePrefix,
    LimitDefaults Defaults,
    TimeSpan Timeout,
    int PageSize)
{
    public const string DefaultGpuResource = "nvidia.com/gpu";

    /// <summary>The settings; every problem goes to the reader, each naming its setting.</summary>
    public static KubernetesSettings Read(SettingsReader settings)
    {
        var prefix = settings.Text("namespacePrefix", "cm", maxLength: 20);
        if (!DnsLabel().IsMatch(prefix))
        {
            settings.Problem("namespacePrefix", "must be lower-case letters, digits and '-', starting with a letter (at most 20)");
        }

        var gpu = settings.Text("gpuResource", DefaultGpuResource, maxLength: 253);
        if (!ResourceName().IsMatch(gpu))
        {
            settings.Problem("gpuResource", "must be an extended resource name such as nvidia.com/gpu");
        }

        return new KubernetesSettings(
            settings.Text("context", maxLength: 253),
            settings.Flag("inCluster"),
            gpu,
            settings.Flag("setLimits"),
            prefix,
            new LimitDefaults(Quantity(settings, "defaultCpu", "1"), Quantity(settings, "defaultMemory", "1Gi"),
                Quantity(settings, "defaultRequestCpu", "100m"), Quantity(settings, "defaultRequestMemory", "256Mi")),
            TimeSpan.FromSeconds(settings.Number("timeoutSeconds", 0.1, 3600) ?? 30),
            (int)(settings.Whole("pageSize", 1, 5000) ?? 250));
    }

    private static string Quantity(SettingsReader settings, string key, string fallback)
    {
        var text = settings.Text(key, fallback, maxLength: 32);
        if (!Grants.Quantities.TryParse(text, out var value) || value <= 0)
        {
            settings.Problem(key, "must be a positive Kubernetes quantity such as 500m, 2 or 1Gi");
            return fallback;
        }

        return text;
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex ResourceName();
}

/// <summary>The container defaults of the tenant namespace's LimitRange (Kubernetes quantities).</summary>
internal sealed record LimitDefaults(string Cpu, string Memory, string RequestCpu, string RequestMemory);
