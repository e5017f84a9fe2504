using System.Globalization;

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
/// <item><c>timeoutSeconds</c>: the HTTP time-out of one call (default 30).</item>
/// <item><c>pageSize</c>: items per page when listing nodes and quotas (default 250).</item>
/// </list>
/// </summary>
internal sealed record KubernetesSettings(
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

    public static KubernetesSettings From(IReadOnlyDictionary<string, string> settings)
    {
        string Text(string key, string fallback) => settings.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : fallback;
        bool Flag(string key) => settings.TryGetValue(key, out var v) && bool.TryParse(v, out var b) && b;

        var seconds = double.TryParse(Text("timeoutSeconds", "30"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 30;
        return new KubernetesSettings(
            settings.TryGetValue("context", out var context) && !string.IsNullOrWhiteSpace(context) ? context : null,
            Flag("inCluster"),
            Text("gpuResource", DefaultGpuResource),
            Flag("setLimits"),
            Text("namespacePrefix", "cm"),
            new LimitDefaults(Text("defaultCpu", "1"), Text("defaultMemory", "1Gi"), Text("defaultRequestCpu", "100m"), Text("defaultRequestMemory", "256Mi")),
            TimeSpan.FromSeconds(seconds),
            int.TryParse(Text("pageSize", "250"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 250);
    }
}

/// <summary>The container defaults of the tenant namespace's LimitRange (Kubernetes quantities).</summary>
internal sealed record LimitDefaults(string Cpu, string Memory, string RequestCpu, string RequestMemory);
