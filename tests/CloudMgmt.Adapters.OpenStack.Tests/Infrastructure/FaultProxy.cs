using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Adapters.OpenStack.Tests.Infrastructure;

/// <summary>
/// A forwarding proxy in front of the peer's Keystone, Nova and Placement, so that a test can make
/// the whole cloud fail as in an outage (503) and count the calls that pass. The adapter reaches
/// the peer through it by its ordinary settings: the Keystone URL and the compute/placement
/// endpoint overrides.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    private int _tokenRequests;

    public FaultProxy(OpenStackPeer peer)
    {
        var routes = new Dictionary<string, string>
        {
            ["identity"] = peer.AuthUrl.TrimEnd('/')[..^"/v3".Length],
            ["compute"] = peer.ComputeUrl.TrimEnd('/'),
            ["placement"] = peer.PlacementUrl.TrimEnd('/'),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        _app = builder.Build();
        _app.Run(context => ForwardAsync(context, routes));
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string IdentityUrl => BaseUrl + "/identity/v3";

    public string ComputeUrl => BaseUrl + "/compute";

    public string PlacementUrl => BaseUrl + "/placement";

    /// <summary>While set, every call is answered 503 with Retry-After, as a cloud in an outage would.</summary>
    public volatile bool Outage;

    /// <summary>The last token a call carried (X-Auth-Token), so that a test can revoke it.</summary>
    public string? LastToken { get; private set; }

    /// <summary>How many token requests (POST …/auth/tokens) reached Keystone.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    private async Task ForwardAsync(HttpContext context, Dictionary<string, string> routes)
    {
        if (Outage)
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("{\"message\": \"service unavailable (test outage)\"}");
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        var service = path.Split('/', 3)[1];
        if (!routes.TryGetValue(service, out var target))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var rest = path[(service.Length + 1)..];
        if (context.Request.Headers.TryGetValue("X-Auth-Token", out var token))
            LastToken = token.ToString();
        if (context.Request.Method == "POST" && rest.EndsWith("/auth/tokens", StringComparison.Ordinal))
            Interlocked.Increment(ref _tokenRequests);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target + rest + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name is "X-Auth-Token" or "X-Subject-Token" or "OpenStack-API-Version" or "X-OpenStack-Nova-API-Version" or "Accept")
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        using var response = await _upstream.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key is "Transfer-Encoding" or "Connection" or "Content-Length")
                continue;
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
