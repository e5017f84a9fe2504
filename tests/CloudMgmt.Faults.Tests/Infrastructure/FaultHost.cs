using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CloudMgmt.Adapters;
using CloudMgmt.Adapters.Sandbox;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Reconciliation.Clouds;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;

namespace CloudMgmt.Faults.Tests.Infrastructure;

/// <summary>
/// The real controller in-process (API, silo, SQLite state, reconciler) with the crash switch in
/// place of the product's no-op, a fake clock for the grains (so that pools check unconfirmed
/// reservations when the test says), and two sandbox clouds that fail and lag as the seed says.
/// The clouds and the resilience pipelines run on real time, with millisecond delays.
/// </summary>
public sealed class FaultHost : WebApplicationFactory<Program>, IFaultTarget
{
    public static readonly TimeSpan ConfirmAfter = TimeSpan.FromMinutes(1);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "cloudmgmt-faults", Guid.NewGuid().ToString("N"));
    private HttpClient? _op;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-12-01T08:00:00Z", CultureInfo.InvariantCulture));

    TimeProvider IFaultTarget.Clock => Clock;

    public CrashSwitch Crashes { get; } = new();

    public SandboxAdapterFactory Sandbox { get; } = new(TimeProvider.System);

    public HttpClient Op => _op ??= Operator();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sandbox:RegisterDefaults", "false");
        builder.UseSetting("Elastic:Enabled", "false");
        builder.UseSetting("Reconcile:InventoryInterval", "01:00:00");
        builder.UseSetting("Reconcile:GrantInterval", "01:00:00");
        builder.UseSetting("Reservations:SweepInterval", "00:00:00.050");
        builder.UseSetting("Reservations:ConfirmAfter", ConfirmAfter.ToString());
        builder.UseSetting("data-dir", _data);
        builder.UseSetting("CLOUDMGMT_ADMIN_TOKEN", EmbeddedController.AdminToken);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("FAULTS_LOG") ?? "Critical");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ICrashPoints>(Crashes);
            services.AddSingleton(Sandbox); // the host resolves its sandbox by type: this one, so that the test reaches its clouds
            // Retries wait on real time (milliseconds): the grains' clock only moves when the test moves it.
            services.AddSingleton(new CloudResilience(
                new CloudResilienceOptions { RetryDelay = TimeSpan.FromMilliseconds(1), BreakerMinimumCalls = 1000 }, TimeProvider.System));
        });
    }

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmbeddedController.AdminToken);
        return client;
    }

    /// <summary>The run's tree (a tenant in each department) and its two clouds, refreshed.</summary>
    public async Task SeedAsync(Model.Tree tree, double failureRate, int seed)
    {
        await RunSetup.SeedAsync(Op, tree, _ => RunSetup.CloudSettings(tree, failureRate, seed));
        await ReconcileAsync(tree);
    }

    /// <summary>
    /// A restart as far as state goes: every activation leaves memory and comes back from disk on
    /// its next call, the catalog wakes the quota tree (as start-up recovery does), and time moves
    /// past the confirmation delay so that pools check what a crash left unconfirmed.
    /// </summary>
    public async Task RestartAsync(Model.Tree tree, string? crashed)
    {
        Crashes.Disarm();
        if (crashed is not null)
        {
            // The grain the crash cut is idle but holds half-changed memory: it must go first, and for sure.
            await Grains.GetGrain<IAllocationGrain>(crashed).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        }

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).Reconcile();
        await WaitForPoolsSettledAsync(tree);
    }

    /// <summary>
    /// Moves time past the confirmation delay until every pool has checked its unconfirmed
    /// reservations (an allocation a question wakes may change its entries again as it recovers,
    /// which needs another round). Bounded: the sweep runs every 50 ms of real time.
    /// </summary>
    public async Task WaitForPoolsSettledAsync(Model.Tree tree)
    {
        var pools = tree.Pools.ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var usage = await Task.WhenAll(pools.Select(p => Grains.GetGrain<IQuotaPoolGrain>(p).GetUsage()));
            if (usage.All(u => u.Unconfirmed == 0))
            {
                return;
            }

            Clock.Advance(ConfirmAfter + TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(60)); // one sweep of the pools' timer, which runs on real time
        }
    }

    public async Task ReconcileAsync(Model.Tree tree)
    {
        foreach (var cloud in tree.Clouds)
        {
            await Op.PostAsync($"/api/v1/clouds/{cloud}/reconcile", null).Expect(HttpStatusCode.OK);
        }
    }

    public SandboxCloud CloudOf(string id) => Sandbox.CloudFor(id) ?? throw new InvalidOperationException($"no sandbox cloud {id} yet");

    protected override void Dispose(bool disposing)
    {
        _op?.Dispose();
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
