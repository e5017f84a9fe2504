namespace CloudMgmt.Portal.Browser.Tests.Infrastructure;

/// <summary>Where the browser tests leave their screenshots: .test-results/console in the checkout (beside the TRX files).</summary>
public static class Artefacts
{
    public static string Folder { get; } = Path.Combine(Root(), ".test-results", "console");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudMgmt.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
