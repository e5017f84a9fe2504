using System.Net;
using System.Net.Http.Headers;

namespace CloudMgmt.Portal.Browser.Tests.Infrastructure;

/// <summary>
/// One real controller process for the whole project (the built cloudmgmt.dll, console included),
/// with a small tree seeded through the API: province > health (approval above 8 vCPU) > two
/// departments' tenants, and one key per kind of user. Tests add what they need on top, under
/// names of their own, so they never see each other's allocations by accident.
/// </summary>
public sealed class ConsoleHost : IAsyncLifetime
{
    private readonly TempDirectory _data = new("cloudmgmt-console");
    private ControllerProcess? _controller;

    public const string Province = "province";
    public const string Health = "health";
    public const string Clinic = "clinic";
    public const string Hospital = "hospital";

    public Uri BaseAddress => Controller.BaseAddress;

    public ControllerProcess Controller => _controller ?? throw new InvalidOperationException("the controller has not started");

    public HttpClient Operator { get; private set; } = default!;

    /// <summary>A department key of the clinic's tenant.</summary>
    public string ClinicKey { get; private set; } = "";

    /// <summary>A department key of the hospital's tenant (the clinic's neighbour: never sees its data).</summary>
    public string HospitalKey { get; private set; } = "";

    /// <summary>An operator key scoped to the health pool.</summary>
    public string HealthOperatorKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _controller = await ControllerProcess.StartAsync(_data.Path);
        Operator = _controller.Operator();
        await Operator.Post("/api/v1/pools", new { id = Province, quota = new { vcpu = 256, memoryGiB = 1024 } }).Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/pools", new { id = Health, parent = Province, quota = new { vcpu = 64, memoryGiB = 256 }, approvalThreshold = new { vcpu = 8 } })
            .Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/tenants", new { id = Clinic, pool = Health, displayName = "社区诊所 Clinic" }).Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/tenants", new { id = Hospital, pool = Health, displayName = "Hospital" }).Expect(HttpStatusCode.Created);
        ClinicKey = await IssueKeyAsync(new { role = "department", tenant = Clinic, name = "clinic-clerk" });
        HospitalKey = await IssueKeyAsync(new { role = "department", tenant = Hospital, name = "hospital-clerk" });
        HealthOperatorKey = await IssueKeyAsync(new { role = "operator", pool = Health, name = "health-operator" });

        // The built-in sandbox clouds take requests once their first health check has run.
        var clouds = await Polling.UntilAsync(
            () => Operator.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK),
            list => list.AsArray().Count > 0 && list.AsArray().All(c => c?["health"]?["healthy"]?.GetValue<bool>() == true),
            TimeSpan.FromSeconds(60));
        Assert.True(clouds.AsArray().All(c => c?["health"]?["healthy"]?.GetValue<bool>() == true), $"the sandbox clouds never became healthy: {clouds}");
    }

    public async Task<string> IssueKeyAsync(object body) =>
        (await Operator.Post("/api/v1/keys", body).Expect(HttpStatusCode.Created)).Str("token");

    /// <summary>An API client with a key, to check what the console did against what the API says.</summary>
    public HttpClient Api(string token) => new()
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>The allocations a key sees through the API (the first page, which holds every test's few).</summary>
    public async Task<System.Text.Json.Nodes.JsonArray> AllocationsAsync(string token)
    {
        using var api = Api(token);
        return (await api.GetAsync("/api/v1/allocations?limit=500").Expect(HttpStatusCode.OK))["items"]!.AsArray();
    }

    public async Task DisposeAsync()
    {
        Operator?.Dispose();
        if (_controller is not null)
        {
            await _controller.DisposeAsync();
            Directory.CreateDirectory(Artefacts.Folder);
            await File.WriteAllTextAsync(Path.Combine(Artefacts.Folder, "controller.log"), _controller.Log); // beside the screenshots, for a failure's why
        }

        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleHost>
{
    public const string Name = "console";
}
