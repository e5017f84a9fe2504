namespace CloudMgmt.Deploy.Tests.Infrastructure;

/// <summary>Paths in the checkout the tests run from (found by walking up to CloudMgmt.sln).</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string PrometheusDir => Of("deploy", "prometheus");

    public static string ChartDir => Of("deploy", "helm", "cloudmgmt");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudMgmt.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CloudMgmt.sln not found above " + AppContext.BaseDirectory);
    }
}
