using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters;
using CloudMgmt.Api.Tests.Infrastructure;
using CloudMgmt.Reconciliation.Elastic;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Elastic;

/// <summary>
/// The real controller on a fake clock, with one sandbox cloud whose usage the test dials, and an
/// elastic policy with short windows. Time moves a minute at a time: each minute the grants are
/// reconciled (which records a usage sample) and the elastic pass runs, as the schedules would do.
/// </summary>
public sealed class ElasticHarness : WebApplicationFactory<Program>
{
    public const string CloudId = "elastic-x86";

    /// <summary>Windows of minutes, so that a test covers hours of policy in a few seconds.</summary>
    public const string Policy = """
        apiVersion: cloudmgmt.io/v1
        kind: ElasticPolicy
        metadata: {name: test}
        spec:
          defaults:
            highWatermark: 0.8
            growStep: 25%
            growWindow: 5m
            lowWatermark: 0.3
            headroom: 1.2
            shrinkWindow: 10m
            idleThreshold: 0.05
            idleWindow: 30m
            reclaimGrace: 1h
          tenants:
            archive: {shrinkEnabled: false}
        """;

    private readonly TempDirectory _data = new("cloudmgmt-elastic-tests");

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The controller's clock; it stands still between the test's steps unless a test gives a ticking one.</summary>
    public ManualClock Clock { get; init; } = new(Start);

    public UsageDial Dial { get; } = new();

    public HttpClient Op { get; private set; } = null!;

    /// <summary>The schedule of the elastic pass; by default an hour, as the tests run every pass themselves.</summary>
    public string ElasticInterval { get; init; } = "01:00:00";

    /// <summary>More settings for the controller; "{dir}" in a value stands for the harness's folder (where <see cref="DataFile"/> writes).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Files to write under the harness's folder before the controller starts, by name; <see cref="PathOf"/> gives their path.</summary>
    public Dictionary<string, string> DataFile { get; init; } = [];

    public string PathOf(string file) => Path.Combine(_data.Path, file);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_data.Path);
        var policyFile = Path.Combine(_data.Path, "elastic.yaml");
        File.WriteAllText(policyFile, Policy);
        builder.UseSetting("Sandbox:RegisterDefaults", "false");
        builder.UseSetting("Reconcile:InventoryInterval", "01:00:00");
        builder.UseSetting("Reconcile:GrantInterval", "01:00:00");
        builder.UseSetting("Elastic:Interval", ElasticInterval);
        builder.UseSetting("Elastic:PolicyFile", policyFile);
        builder.UseSetting("data-dir", Path.Combine(_data.Path, "data"));
        builder.UseSetting("CLOUDMGMT_ADMIN_TOKEN", ControllerFactory.AdminToken);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (name, text) in DataFile)
        {
            File.WriteAllText(PathOf(name), text);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value.Replace("{dir}", _data.Path, StringComparison.Ordinal));
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Dial);
            services.AddSingleton<ICloudAdapterFactory, DialSandboxFactory>();
        });
    }

    /// <summary>The tree (department quota and extras as in <see cref="ApiCalls.SeedAsync"/>), the cloud, and a second tenant "archive".</summary>
    public async Task StartAsync(long vcpu = 100, object? departmentExtras = null)
    {
        Op = CreateClient();
        Op.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControllerFactory.AdminToken);
        await ApiCalls.SeedAsync(Op, vcpu, 400, departmentExtras);
        await Op.Post("/api/v1/tenants", new { id = "archive", pool = "dept" }).Expect(HttpStatusCode.Created);
        await Op.Post("/api/v1/clouds", new
        {
            id = CloudId, kind = DialSandboxFactory.KindName, region = "anhui",
            labels = new { securityLevel = "3", architecture = "x86_64", xinchuang = "false" },
        }).Expect(HttpStatusCode.Created);
        await Op.PostAsync($"/api/v1/clouds/{CloudId}/reconcile", null).Expect(HttpStatusCode.OK);
    }

    /// <summary>Requests capacity, lets the reconciler make the grant (Ready), and sets its usage.</summary>
    public async Task<string> ReadyAllocationAsync(long vcpu, long memoryGiB, double usage, string tenant = "health")
    {
        var created = await Op.Post("/api/v1/allocations", new { tenant, resources = new { vcpu, memoryGiB } }).Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        await Op.PostAsync($"/api/v1/clouds/{CloudId}/reconcile", null).Expect(HttpStatusCode.OK);
        Assert.Equal("Ready", (await GetAsync(id)).Str("status"));
        Dial.Set(id, usage);
        return id;
    }

    /// <summary>Moves the clock <paramref name="step"/> minutes at a time; each step: reconcile (a usage sample), then the elastic pass, then <paramref name="check"/>.</summary>
    public async Task MinutesAsync(int minutes, Func<Task>? check = null, int step = 1, bool runPass = true)
    {
        var pass = Services.GetRequiredService<ElasticPass>();
        for (var i = 0; i < minutes; i += step)
        {
            Clock.Advance(TimeSpan.FromMinutes(Math.Min(step, minutes - i)));
            await Op.PostAsync($"/api/v1/clouds/{CloudId}/reconcile", null).Expect(HttpStatusCode.OK);
            if (runPass)
            {
                await pass.RunAsync(CancellationToken.None);
            }

            if (check is not null)
            {
                await check();
            }
        }
    }

    public async Task<JsonNode> GetAsync(string id) => await Op.GetAsync($"/api/v1/allocations/{id}").Expect(HttpStatusCode.OK);

    public async Task<long> DepartmentReservedAsync(string resource = "vcpu") =>
        (await Op.GetAsync("/api/v1/pools/dept").Expect(HttpStatusCode.OK)).Long("reserved." + resource);

    public async Task<JsonArray> EventsAsync(string kind) => (await Op.GetAsync($"/api/v1/events?kind={kind}").Expect(HttpStatusCode.OK))["items"]!.AsArray();

    /// <summary>The value of one metric series from /metrics (0 when absent).</summary>
    public async Task<double> MetricAsync(string series)
    {
        using var scraper = CreateClient(); // also before StartAsync: an operator key may scrape
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControllerFactory.AdminToken);
        var text = await scraper.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _data.Dispose();
    }
}
