using CloudMgmt.Client.Http;
using CloudMgmt.Client.Resources;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace CloudMgmt.Client;

/// <summary>
/// The CloudMgmt API. Make one per controller and keep it (it holds a connection pool):
/// <code>
/// using var cm = CloudMgmtClient.Create(new CloudMgmtClientOptions { BaseAddress = new("https://cm.example"), Token = key });
/// var a = await cm.Allocations.RequestAsync(new() { Resources = new Dictionary&lt;string, long&gt; { ["vcpu"] = 16 } }, "order-17");
/// </code>
/// Every error answer is thrown as a <see cref="Problems.CloudMgmtException"/> subclass.
/// </summary>
public sealed class CloudMgmtClient : IDisposable
{
    private readonly HttpClient? _owned;

    /// <summary>Uses an <see cref="HttpClient"/> whose handlers already authenticate and retry (see <see cref="CreateHandler"/>).</summary>
    public CloudMgmtClient(HttpClient http, CloudMgmtClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(options.StrictResponses ? JsonDefaults.Strict : JsonDefaults.Tolerant),
            UrlParameterFormatter = IsoUrlParameterFormatter.Instance,
        };
        var api = RestService.For<ICloudMgmtApi>(http, settings);
        Pools = new PoolsClient(api);
        Tenants = new TenantsClient(api);
        Allocations = new AllocationsClient(api);
        Clouds = new CloudsClient(api);
        Keys = new KeysClient(api);
        Reports = new ReportsClient(api);
        Audit = new AuditClient(api);
    }

    private CloudMgmtClient(HttpClient owned, CloudMgmtClientOptions options, bool own)
        : this(owned, options) => _owned = own ? owned : null;

    /// <summary>Quota pools.</summary>
    public PoolsClient Pools { get; }

    /// <summary>Tenants (departments).</summary>
    public TenantsClient Tenants { get; }

    /// <summary>Allocations, approvals and their elastic controls.</summary>
    public AllocationsClient Allocations { get; }

    /// <summary>Managed clouds.</summary>
    public CloudsClient Clouds { get; }

    /// <summary>API keys.</summary>
    public KeysClient Keys { get; }

    /// <summary>Reports.</summary>
    public ReportsClient Reports { get; }

    /// <summary>The audit trail.</summary>
    public AuditClient Audit { get; }

    /// <summary>A client with its own connection pool, token handler and retries.</summary>
    public static CloudMgmtClient Create(CloudMgmtClientOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var http = new HttpClient(CreateHandler(options, transport ?? new SocketsHttpHandler()))
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout in the pipeline
        };
        return new CloudMgmtClient(http, options, own: true);
    }

    /// <summary>The handler chain <see cref="Create"/> uses: bearer token, then retries, then <paramref name="transport"/>.</summary>
    public static HttpMessageHandler CreateHandler(CloudMgmtClientOptions options, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BearerTokenHandler(options.Tokens())
        {
            InnerHandler = new ResilienceHandler(RetryPolicy.Build(options)) { InnerHandler = transport },
        };
    }

    /// <summary>Closes the connection pool it made, if it made one.</summary>
    public void Dispose() => _owned?.Dispose();
}
