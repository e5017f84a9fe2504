using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Identity;

namespace CloudMgmt.Adapters.OpenStack.Http;

/// <summary>
/// One authenticated JSON call to an OpenStack service: finds the endpoint in the catalog (or the
/// settings' override), sends the token and the microversion, and maps failures to the contract's
/// kinds. A 401 drops the token and retries once with a new one; a second 401 is final. One attempt
/// otherwise: the controller's resilience pipeline decides about retries.
/// </summary>
internal sealed class OpenStackApi(HttpClient http, KeystoneAuthenticator keystone, OpenStackSettings settings, string? region, TimeProvider time)
    : IDisposable
{
    /// <summary>Closes the adapter's connections (the controller disposes an adapter it replaced or dropped).</summary>
    public void Dispose() => http.Dispose();

    public const string ComputeMicroversion = "2.60";
    public const string PlacementMicroversion = "1.26";

    public Task<AdapterResult<JsonNode?>> GetAsync(OpenStackService service, string path, CancellationToken cancellationToken) =>
        SendAsync(service, HttpMethod.Get, path, null, cancellationToken);

    public async Task<AdapterResult<JsonNode?>> SendAsync(
        OpenStackService service, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await keystone.GetAsync(forceRenew: false, cancellationToken);
            if (!token.Succeeded)
                return token.Error!;
            var baseUrl = EndpointOf(service, token.Value!);
            if (baseUrl is null)
                return AdapterError.Of(AdapterErrorKind.Invalid, $"the catalog has no {settings.Interface} {service.Name} endpoint{(region is null ? "" : " in region " + region)}");
            // The catalog is the cloud's answer; the token goes to what it names, so the endpoint rule holds there too.
            if (EndpointRule.CheckRemote($"the catalog's {service.Name} endpoint", baseUrl, settings.AllowInsecureEndpoint) is { } refused)
                return refused;
            try
            {
                using var request = new HttpRequestMessage(method, baseUrl + path);
                request.Headers.Add("X-Auth-Token", token.Value!.Value);
                AddMicroversion(request, service);
                if (body is not null)
                    request.Content = Json(body);
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode == 401 && attempt == 0)
                {
                    keystone.Invalidate(token.Value!);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    return OpenStackErrors.FromResponse(service.Name, response, text, time);
                return string.IsNullOrWhiteSpace(text) ? new AdapterResult<JsonNode?>(null, null) : JsonNode.Parse(text);
            }
            catch (Exception e) when (e is HttpRequestException or AnswerTooLargeException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return OpenStackErrors.FromException(service.Name, e);
            }
            catch (System.Text.Json.JsonException)
            {
                return AdapterError.Of(AdapterErrorKind.Unavailable, $"{service.Name} answered with something that is not JSON");
            }
        }
    }

    /// <summary>Whether the catalog lists the service (e.g. a volume service for block-storage quotas).</summary>
    public async Task<AdapterResult<bool>> HasServiceAsync(OpenStackService service, CancellationToken cancellationToken)
    {
        var token = await keystone.GetAsync(forceRenew: false, cancellationToken);
        return token.Succeeded ? EndpointOf(service, token.Value!) is not null : token.Error!;
    }

    private string? EndpointOf(OpenStackService service, KeystoneToken token)
    {
        var overridden = service.Name switch
        {
            "nova" => settings.ComputeEndpoint,
            "placement" => settings.PlacementEndpoint,
            "cinder" => settings.VolumeEndpoint,
            "keystone" => keystone.IdentityV3,
            _ => null,
        };
        return overridden?.TrimEnd('/') ?? token.Catalog.Find(settings.Interface, region, service.CatalogTypes);
    }

    /// <summary>
    /// A JSON body with its length: OpenStack services behind uwsgi's HTTP socket do not read chunked
    /// request bodies, which is what a streamed JsonContent would send.
    /// </summary>
    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static void AddMicroversion(HttpRequestMessage request, OpenStackService service)
    {
        switch (service.MicroversionService)
        {
            case "compute":
                request.Headers.Add("OpenStack-API-Version", $"compute {ComputeMicroversion}");
                request.Headers.Add("X-OpenStack-Nova-API-Version", ComputeMicroversion);
                break;
            case "placement":
                request.Headers.Add("OpenStack-API-Version", $"placement {PlacementMicroversion}");
                break;
        }
    }
}
