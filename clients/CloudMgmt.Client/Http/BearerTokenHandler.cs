using System.Net.Http.Headers;

namespace CloudMgmt.Client.Http;

/// <summary>Adds the API key to every request. The token is read per request (so a rotated key is picked up) and never logged.</summary>
internal sealed class BearerTokenHandler(Func<CancellationToken, ValueTask<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
