using System.Net;
using System.Text;
using CloudMgmt.Security.Tests.Infrastructure;

namespace CloudMgmt.Security.Tests.Http;

/// <summary>
/// Every error status the host produces by itself is application/problem+json, whatever the
/// client's Accept header asks for: a client that parses errors needs one format.
/// </summary>
public sealed class StatusProblemProbes(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    public static TheoryData<string?> Accepts => new() { null, "text/html", "application/xml" };

    [Theory]
    [MemberData(nameof(Accepts))]
    public Task UnknownRoute_Is404Problem(string? accept) =>
        target.RefusesAsync(HttpStatusCode.NotFound, () => target.Operator.Send(HttpMethod.Get, "/api/v1/nothing-here", accept));

    [Theory]
    [MemberData(nameof(Accepts))]
    public Task WrongMethod_Is405Problem(string? accept) =>
        target.RefusesAsync(HttpStatusCode.MethodNotAllowed, () => target.Operator.Send(HttpMethod.Put, "/api/v1/pools", accept));

    [Theory]
    [MemberData(nameof(Accepts))]
    public Task BodyNotJson_Is415Problem(string? accept) =>
        target.RefusesAsync(HttpStatusCode.UnsupportedMediaType, () => target.Operator.SendJson(
            HttpMethod.Post, "/api/v1/pools", """{"id":"probe","quota":{"vcpu":1}}""", "text/plain", accept));

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task BodyOverOneMebibyte_Is413Problem(string? accept)
    {
        var body = $$"""{"id":"probe","quota":{"vcpu":1},"displayName":"{{new string('x', 1024 * 1024)}}"}""";

        // Expect: 100-continue, as a careful client sends a large body: the controller refuses on the
        // declared length and closes the connection, so a client still sending would see a broken
        // pipe instead of the answer (it did, under load in CI)
        var problem = await target.RefusesAsync(HttpStatusCode.RequestEntityTooLarge,
            () => target.Operator.SendJson(HttpMethod.Post, "/api/v1/pools", body, accept: accept, expectContinue: true));

        Assert.Contains("1048576 bytes", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public Task TargetOver8KiB_Is414Problem(string? accept) =>
        target.RefusesAsync(HttpStatusCode.RequestUriTooLong,
            () => target.Operator.Send(HttpMethod.Get, "/api/v1/pools?x=" + new string('a', 9000), accept));

    [Theory]
    [MemberData(nameof(Accepts))]
    public Task HeadersOver32KiB_Is431Problem(string? accept) =>
        target.RefusesAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pools");
            request.Headers.Add("X-Padding", new string('p', 40 * 1024));
            if (accept is not null)
            {
                request.Headers.Accept.ParseAdd(accept);
            }

            return target.Operator.SendAsync(request);
        });

    [Fact]
    public Task HeadersMoreThan100_Is431Problem() =>
        target.RefusesAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pools");
            for (var i = 0; i < 120; i++)
            {
                request.Headers.Add($"X-Extra-{i}", "1");
            }

            return target.Operator.SendAsync(request);
        });

    [Fact]
    public Task PostWithoutLength_Is411Problem() =>
        target.RefusesAsync(HttpStatusCode.LengthRequired, () => RawHttp.SendAsync(target.Controller.BaseAddress,
            "POST /api/v1/pools HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + EmbeddedController.AdminToken +
            "\r\nContent-Type: application/json\r\nAccept: text/html\r\nConnection: close\r\n\r\n"));

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413Problem()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"id":"probe","quota":{"vcpu":1},"displayName":"{{new string('x', 1100 * 1024)}}"}""");
        var content = new StreamContent(new MemoryStream(body)); // no length: sent chunked
        content.Headers.ContentType = new("application/json");

        await target.RefusesAsync(HttpStatusCode.RequestEntityTooLarge, () => target.Operator.PostAsync("/api/v1/pools", content));
    }

    [Fact]
    public async Task EmptyBodyWithLengthZero_Is400NotA411()
    {
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new("application/json");

        await target.RefusesAsync(HttpStatusCode.BadRequest, () => target.Operator.PostAsync("/api/v1/pools", content));
    }
}
