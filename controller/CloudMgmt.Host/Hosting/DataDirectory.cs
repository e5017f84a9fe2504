namespace CloudMgmt.Host.Hosting;

/// <summary>The folder that holds everything this node keeps: the state database and the generated admin token (0700, its files 0600: <see cref="DataDirectoryModes"/>).</summary>
public sealed record DataDirectory(string Path)
{
    public string StateDatabase => System.IO.Path.Combine(Path, "state.db");

    public string AdminTokenFile => System.IO.Path.Combine(Path, "admin-token");

    public static DataDirectory Resolve(IConfiguration configuration)
    {
        var configured = configuration["data-dir"] ?? configuration["CLOUDMGMT_DATA_DIR"] ?? "data";
        var full = System.IO.Path.GetFullPath(configured);
        Directory.CreateDirectory(full);
        var data = new DataDirectory(full);
        var embedded = !string.Equals(configuration["Cluster:Mode"], "postgres", StringComparison.OrdinalIgnoreCase);
        if (!OperatingSystem.IsWindows())
        {
            DataDirectoryModes.Secure(full, embedded ? data.StateDatabase : null);
        }

        return data;
    }
}
