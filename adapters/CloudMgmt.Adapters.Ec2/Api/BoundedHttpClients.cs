using Amazon.Runtime;

namespace CloudMgmt.Adapters.Ec2.Api;

/// <summary>
/// The SDK's HTTP clients, made with a <see cref="BoundedAnswerHandler"/> in their pipeline: the SDK
/// reads answers as streams of its own, so only a handler below it can stop an endless body. As the
/// SDK's own clients: no decompression, its time-out; unlike them, no redirects (a redirected call
/// would carry a signed request elsewhere).
/// </summary>
internal sealed class BoundedHttpClients(long maxAnswerBytes) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var client = new HttpClient(BoundedAnswerHandler.OverSockets(maxAnswerBytes));
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    /// <summary>One cache per SDK client (never shared between clouds), disposed with it.</summary>
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
