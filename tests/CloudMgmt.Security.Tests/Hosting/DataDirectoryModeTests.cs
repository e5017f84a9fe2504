using System.Net;

namespace CloudMgmt.Security.Tests.Hosting;

/// <summary>
/// The data folder of a real controller process, by stat: 0700, and state.db, its -wal and -shm, the
/// admin token and the credentials folder's files 0600, on a first start and after a restart over
/// files an older version left open (0755 folders, 0644 files).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryModeTests : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Open = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private static readonly string[] Quiet = ["--Sandbox:RegisterDefaults", "false", "--Elastic:Enabled", "false"];
    private static readonly Dictionary<string, string?> FileToken = new() { ["CLOUDMGMT_ADMIN_TOKEN"] = null };
    private readonly TempDirectory _data = new("cloudmgmt-security-modes");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task DataFolder_IsOwnerOnly_OnFirstStartAndOverLooseModes()
    {
        await using (var first = await ControllerProcess.StartAsync(_data.Path, FileToken, Quiet))
        {
            await WriteSomethingAsync(first);
            AssertClosed(expectCredentialsFile: false);
            await first.KillAsync();
        }

        Directory.CreateDirectory(Path.Combine(_data.Path, "credentials"));
        File.WriteAllText(Path.Combine(_data.Path, "credentials", "cloud.json"), "{}");
        File.SetUnixFileMode(_data.Path, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Path.Combine(_data.Path, "credentials"), Folder | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, Open);
        }

        await using var second = await ControllerProcess.StartAsync(_data.Path, FileToken, Quiet);
        await WriteSomethingAsync(second);
        AssertClosed(expectCredentialsFile: true);
    }

    /// <summary>A write through the API, so that the write-ahead log and its index exist.</summary>
    private async Task WriteSomethingAsync(ControllerProcess controller)
    {
        using var client = new HttpClient { BaseAddress = controller.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", File.ReadAllText(Path.Combine(_data.Path, "admin-token")).Trim());
        await client.Post("/api/v1/pools", new { id = "p-" + Guid.NewGuid().ToString("N")[..8], quota = new { vcpu = 1 } }).Expect(HttpStatusCode.Created);
    }

    private void AssertClosed(bool expectCredentialsFile)
    {
        Assert.Equal(Folder, Mode(_data.Path));
        foreach (var name in new[] { "state.db", "state.db-wal", "state.db-shm", "admin-token" })
        {
            Assert.True(File.Exists(Path.Combine(_data.Path, name)), $"{name} exists");
            Assert.Equal(Private, Mode(Path.Combine(_data.Path, name)));
        }

        if (expectCredentialsFile)
        {
            Assert.Equal(Folder, Mode(Path.Combine(_data.Path, "credentials")));
            Assert.Equal(Private, Mode(Path.Combine(_data.Path, "credentials", "cloud.json")));
        }

        var open = Directory.EnumerateFileSystemEntries(_data.Path, "*", SearchOption.AllDirectories)
            .Where(p => (Mode(p) & ~Folder) != 0).ToList();
        Assert.True(open.Count == 0, "open to group or others: " + string.Join(", ", open.Select(p => $"{p} {Mode(p)}")));
    }

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);
}
