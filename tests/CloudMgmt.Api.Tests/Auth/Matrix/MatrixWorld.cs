using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Auth.Matrix;

/// <summary>Where a probe is aimed: inside the caller's part, in a sibling tenant's place, or outside.</summary>
public enum Target
{
    /// <summary>feixi, tenant health: in scope for everyone but the other tenant.</summary>
    InScope,

    /// <summary>shushan (under hefei), tenant housing: in hefei's subtree, but another tenant for health.</summary>
    OtherTenant,

    /// <summary>wuhu, tenant education: outside hefei and health.</summary>
    OutOfScope,
}

/// <summary>
/// One controller with province > hefei > {feixi (tenant health), shushan (tenant housing)} and
/// province > wuhu (tenant education), a sandbox cloud, and a key for every kind of caller.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public static readonly string[] Callers = ["operator", "viewer", "operator@hefei", "viewer@hefei", "department@health", "metrics"];

    private readonly ControllerFactory _factory = new();
    private readonly Dictionary<string, HttpClient> _clients = [];
    private int _next;

    public HttpClient Op { get; private set; } = null!;

    /// <summary>An allocation and a key per target that the probes read (those that change something get fresh ones).</summary>
    public Dictionary<Target, string> Allocations { get; } = [];

    public Dictionary<Target, string> Keys { get; } = [];

    public HttpClient Anonymous => _factory.WithToken(null);

    public HttpClient As(string caller) => _clients[caller];

    public static string Pool(Target t) => t switch { Target.InScope => "feixi", Target.OtherTenant => "shushan", _ => "wuhu" };

    public static string Tenant(Target t) => t switch { Target.InScope => "health", Target.OtherTenant => "housing", _ => "education" };

    /// <summary>Whether <paramref name="caller"/> reaches the target's place (the test's own statement of the scope rules).</summary>
    public static bool Reaches(string caller, Target t) => caller switch
    {
        "operator" or "viewer" => true,
        "operator@hefei" or "viewer@hefei" => t != Target.OutOfScope,
        _ => t == Target.InScope,
    };

    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}";

    public async Task InitializeAsync()
    {
        Op = _factory.Operator();
        async Task Post(string url, object body) => await Op.Post(url, body).Expect(HttpStatusCode.Created);
        // A parent's quota is a reserve on top of its children's: the leaves hold what is handed out.
        await Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0 }, approvalThreshold = new { vcpu = 3 } });
        await Post("/api/v1/pools", new { id = "hefei", parent = "province", quota = new { vcpu = 0 } });
        foreach (var pool in new[] { "feixi", "shushan" })
        {
            await Post("/api/v1/pools", new { id = pool, parent = "hefei", quota = new { vcpu = 10000 } });
        }

        await Post("/api/v1/pools", new { id = "wuhu", parent = "province", quota = new { vcpu = 10000 } });
        foreach (var t in Enum.GetValues<Target>())
        {
            await Post("/api/v1/tenants", new { id = Tenant(t), pool = Pool(t) });
        }

        await Post("/api/v1/clouds", new { id = "matrix-cloud", kind = "sandbox", region = "anhui" });
        // A cloud that holds every allocation the matrix makes (a request no cloud can hold is a 409,
        // issue 16), apart from matrix-cloud, which the cloud rules drain, relabel and reconcile.
        await Post("/api/v1/clouds", new { id = "matrix-home", kind = "sandbox", region = "anhui", labels = new { securityLevel = "3" } });
        await Op.PostAsync("/api/v1/clouds/matrix-home/reconcile", null).Expect(HttpStatusCode.OK);
        foreach (var (caller, body) in new (string, object)[]
        {
            ("viewer", new { role = "viewer" }), ("operator@hefei", new { role = "operator", pool = "hefei" }),
            ("viewer@hefei", new { role = "viewer", pool = "hefei" }), ("department@health", new { role = "department", tenant = "health" }),
            ("metrics", new { role = "metrics" }),
        })
        {
            _clients[caller] = _factory.WithToken((await Op.Post("/api/v1/keys", body).Expect(HttpStatusCode.Created)).Str("token"));
        }

        _clients["operator"] = Op;
        foreach (var t in Enum.GetValues<Target>())
        {
            Allocations[t] = await AllocationAsync(t);
            Keys[t] = await KeyAsync(t);
        }
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh allocation of the target's tenant (pending approval when <paramref name="pending"/>), made by the unscoped operator.</summary>
    public async Task<string> AllocationAsync(Target t, bool pending = false) =>
        (await Op.Post("/api/v1/allocations", new { tenant = Tenant(t), resources = new { vcpu = pending ? 4 : 1 } }).Expect(HttpStatusCode.Created)).Str("id");

    /// <summary>A fresh key reaching the target's place: a viewer key scoped to its pool.</summary>
    public async Task<string> KeyAsync(Target t) =>
        (await Op.Post("/api/v1/keys", new { role = "viewer", pool = Pool(t), name = Unique("k") }).Expect(HttpStatusCode.Created)).Str("id");

    public async Task<string> CloudAsync()
    {
        var id = Unique("cloud");
        await Op.Post("/api/v1/clouds", new { id, kind = "sandbox", region = "anhui" }).Expect(HttpStatusCode.Created);
        return id;
    }

    public IEnumerable<(string Method, string Route)> ServedEndpoints() => _factory.Services
        .GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
            .Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'))));

    public static bool Contains(JsonNode? node, string id) => node?.ToJsonString().Contains($"\"{id}\"", StringComparison.Ordinal) == true;
}
