using System.Text;

namespace CloudMgmt.Security.Tests.Infrastructure;

/// <summary>Requests with bodies written by hand: probes are about bytes a serializer would never produce.</summary>
public static class Requests
{
    public static Task<HttpResponseMessage> SendJson(this HttpClient client, HttpMethod method, string url, string json,
        string contentType = "application/json", string? accept = null, bool expectContinue = false)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8) };
        request.Headers.ExpectContinue = expectContinue;
        request.Content.Headers.ContentType = new(contentType);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, string json) =>
        client.SendJson(HttpMethod.Post, url, json);

    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, string? accept = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return client.SendAsync(request);
    }
}
