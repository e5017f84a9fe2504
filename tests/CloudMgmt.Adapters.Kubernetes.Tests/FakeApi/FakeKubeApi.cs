using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;

/// <summary>
/// An in-process Kubernetes API server (Kestrel on a free loopback port) speaking the real wire
/// format for what the adapter uses: core/v1 namespaces, nodes, resourcequotas and limitranges
/// (list with label selectors and limit/continue paging, get, create, replace with resourceVersion
/// conflicts, server-side apply with managedFields, delete), <c>metrics.k8s.io</c> pod metrics,
/// <c>/version</c>, bearer-token authentication and <c>Status</c> objects for every failure.
/// </summary>
internal sealed class FakeKubeApi : IAsyncDisposable
{
    public const string ApplyContentType = "application/apply-patch+yaml";

    private readonly WebApplication _app;
    private readonly FakeKubeHandlers _handlers;
    private readonly ConcurrentQueue<KubeResponse> _injected = new();

    private FakeKubeApi(WebApplication app, FakeKubeStore store)
    {
        _app = app;
        Store = store;
        _handlers = new FakeKubeHandlers(store);
    }

    public FakeKubeStore Store { get; }

    public string Token { get; } = "fake-token-" + Guid.NewGuid().ToString("N");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>While set, every request is answered 503, as an API server behind a failing load balancer would be.</summary>
    public bool Outage { get; set; }

    /// <summary>How long the server sits on each request before answering (an overloaded API server).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Whether <c>metrics.k8s.io</c> is served (metrics-server installed).</summary>
    public bool MetricsServed { get; set; } = true;

    /// <summary>Measured pod use per namespace: (pod, cpu, memory) quantities.</summary>
    public ConcurrentDictionary<string, List<(string Pod, string Cpu, string Memory)>> PodMetrics { get; } = new();

    /// <summary>Every request: method, path and query, content type.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? ContentType)> Requests { get; } = new();

    public static async Task<FakeKubeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var api = new FakeKubeApi(builder.Build(), new FakeKubeStore());
        api._app.Run(api.HandleAsync);
        await api._app.StartAsync();
        var address = api._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseAddress = new Uri(address);
        return api;
    }

    /// <summary>Answers the next requests with this failure instead of serving them (429, 403, 500, ...).</summary>
    public void FailNext(int code, string reason, int times = 1, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            _injected.Enqueue(KubeStatus.Failure(code, reason, $"injected by the test: {reason}", retryAfter: retryAfter));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue((request.Method, request.Path + request.QueryString, request.ContentType));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default); // the client gives up first
        }

        var response = Outage ? KubeStatus.Failure(503, "ServiceUnavailable", "the server is currently unable to handle the request")
            : request.Headers.Authorization.ToString() != $"Bearer {Token}" ? KubeStatus.Failure(401, "Unauthorized", "Unauthorized")
            : _injected.TryDequeue(out var injected) ? injected
            : await RouteAsync(request);
        context.Response.StatusCode = response.Code;
        if (response.RetryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body.ToJsonString());
    }

    private async Task<KubeResponse> RouteAsync(HttpRequest request)
    {
        var parts = request.Path.Value!.Trim('/').Split('/');
        var query = request.Query;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return parts switch
        {
            ["version"] => KubeResponse.Ok(new JsonObject
            {
                ["major"] = "1", ["minor"] = "31", ["gitVersion"] = "v1.31.4", ["platform"] = "linux/amd64", ["goVersion"] = "go1.22.10",
            }),
            ["apis", "metrics.k8s.io", "v1beta1", "namespaces", var ns, "pods"] => Metrics(ns),
            ["api", "v1", "namespaces", var ns, var resource, .. var rest] when FakeKubeStore.Kinds.ContainsKey(resource) && !FakeKubeStore.IsClusterScoped(resource) =>
                Serve(request.Method, resource, ns, rest.FirstOrDefault(), query, request.ContentType, body),
            ["api", "v1", var resource, .. var rest] when FakeKubeStore.Kinds.ContainsKey(resource) =>
                FakeKubeStore.IsClusterScoped(resource) || (request.Method == "GET" && rest.Length == 0)
                    ? Serve(request.Method, resource, null, rest.FirstOrDefault(), query, request.ContentType, body)
                    : KubeStatus.Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
            _ => KubeStatus.Failure(404, "NotFound", "the server could not find the requested resource"),
        };
    }

    private KubeResponse Serve(string method, string resource, string? ns, string? name, IQueryCollection query, string? contentType, string body)
    {
        var manager = query["fieldManager"].FirstOrDefault();
        return (method, name) switch
        {
            ("GET", null) => _handlers.List(resource, ns, query["labelSelector"].FirstOrDefault(),
                int.TryParse(query["limit"].FirstOrDefault(), out var limit) ? limit : null, query["continue"].FirstOrDefault()),
            ("GET", _) => _handlers.Get(resource, ns, name),
            ("POST", null) => _handlers.Create(resource, ns, body, manager ?? "unknown"),
            ("PUT", not null) => _handlers.Replace(resource, ns, name, body, manager ?? "unknown"),
            ("PATCH", not null) when contentType?.StartsWith(ApplyContentType, StringComparison.Ordinal) == true =>
                _handlers.Apply(resource, ns, name, body, manager, query["force"].FirstOrDefault() == "true"),
            ("PATCH", _) => KubeStatus.Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {ApplyContentType}"),
            ("DELETE", not null) => _handlers.Delete(resource, ns, name),
            _ => KubeStatus.Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
        };
    }

    private KubeResponse Metrics(string ns)
    {
        if (!MetricsServed)
        {
            return KubeStatus.Failure(404, "NotFound", "the server could not find the requested resource");
        }

        var items = new JsonArray();
        foreach (var (pod, cpu, memory) in PodMetrics.GetValueOrDefault(ns) ?? [])
        {
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = pod, ["namespace"] = ns, ["creationTimestamp"] = FakeKubeStore.Now },
                ["timestamp"] = FakeKubeStore.Now,
                ["window"] = "15s",
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["usage"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory } }),
            });
        }

        return KubeResponse.Ok(new JsonObject
        {
            ["kind"] = "PodMetricsList", ["apiVersion"] = "metrics.k8s.io/v1beta1", ["metadata"] = new JsonObject(), ["items"] = items,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
