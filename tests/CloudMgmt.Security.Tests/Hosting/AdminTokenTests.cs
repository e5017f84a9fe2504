using System.Net;

namespace CloudMgmt.Security.Tests.Hosting;

/// <summary>
/// The operator token's rules, on a real controller process: a CLOUDMGMT_ADMIN_TOKEN shorter than
/// 32 characters stops the start with a message saying why and how to make one, and once the
/// variable is given the token generated into the data folder on an earlier start opens nothing.
/// </summary>
public sealed class AdminTokenTests : IDisposable
{
    private static readonly string[] Quiet = ["--Sandbox:RegisterDefaults", "false", "--Elastic:Enabled", "false"];
    private readonly TempDirectory _data = new("cloudmgmt-security-token");

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("x")]
    [InlineData("0123456789abcdef0123456789abcde")] // 31
    public async Task Start_WithShortAdminToken_RefusesWithExitCodeAndReason(string token)
    {
        var (exit, output) = await ControllerProcess.RunToExitAsync(_data.Path,
            new Dictionary<string, string?> { ["CLOUDMGMT_ADMIN_TOKEN"] = token }, TimeSpan.FromSeconds(90), Quiet);

        Assert.True(exit == 3, $"exit code {exit}, expected 3:\n{output}");
        Assert.Contains($"CLOUDMGMT_ADMIN_TOKEN has {token.Length} characters; it must have at least 32", output, StringComparison.Ordinal);
        Assert.Contains("openssl rand -hex 32", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        var state = new FileInfo(Path.Combine(_data.Path, "state.db"));
        Assert.True(!state.Exists || state.Length == 0, "nothing is started, so nothing is stored");
    }

    [Fact]
    public async Task Start_WithTokenOf32Characters_Starts()
    {
        var token = new string('k', 32);
        await using var controller = await ControllerProcess.StartAsync(_data.Path, new Dictionary<string, string?> { ["CLOUDMGMT_ADMIN_TOKEN"] = token }, Quiet);
        using var client = Client(controller, token);
        await client.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Restart_WithEnvironmentToken_RetiresGeneratedFileToken()
    {
        var tokenFile = Path.Combine(_data.Path, "admin-token");
        string generated;
        await using (var first = await ControllerProcess.StartAsync(_data.Path, new Dictionary<string, string?> { ["CLOUDMGMT_ADMIN_TOKEN"] = null }, Quiet))
        {
            generated = File.ReadAllText(tokenFile).Trim();
            using var byFile = Client(first, generated);
            await byFile.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK);
            await first.KillAsync();
        }

        await using var second = await ControllerProcess.StartAsync(_data.Path, Quiet); // with CLOUDMGMT_ADMIN_TOKEN
        using (var byFile = Client(second, generated))
        using (var answer = await byFile.GetAsync("/api/v1/pools"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        using var byEnvironment = second.Operator();
        await byEnvironment.GetAsync("/api/v1/pools").Expect(HttpStatusCode.OK);
        Assert.False(File.Exists(tokenFile), "the retired token's file is deleted");
        var keys = (await byEnvironment.GetAsync("/api/v1/keys").Expect(HttpStatusCode.OK)).AsArray().Select(k => k!).ToList();
        Assert.Contains(keys, k => k.Str("id") == "admin-file" && k["revokedAt"] is not null);
        Assert.DoesNotContain(generated, second.Log, StringComparison.Ordinal);
    }

    private static HttpClient Client(ControllerProcess controller, string token) => new()
    {
        BaseAddress = controller.BaseAddress,
        DefaultRequestHeaders = { Authorization = new("Bearer", token) },
        Timeout = TimeSpan.FromSeconds(30),
    };
}
