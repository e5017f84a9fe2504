using System.Net;
using System.Net.Http.Headers;
using CloudMgmt.Adapters.OpenStack.Http;
using CloudMgmt.Adapters.OpenStack.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Adapters.OpenStack.Tests.Unit;

public sealed class OpenStackErrorsTests
{
    private static AdapterError Map(HttpStatusCode status, string body = "", TimeSpan? retryAfter = null)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfter is { } delay)
            response.Headers.RetryAfter = new RetryConditionHeaderValue(delay);
        return OpenStackErrors.FromResponse("nova", response, body, new FakeTimeProvider());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, AdapterErrorKind.Invalid, false)]
    [InlineData(HttpStatusCode.Forbidden, AdapterErrorKind.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, AdapterErrorKind.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, AdapterErrorKind.Conflict, false)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, AdapterErrorKind.Throttled, true)]
    [InlineData(HttpStatusCode.TooManyRequests, AdapterErrorKind.Throttled, true)]
    [InlineData(HttpStatusCode.InternalServerError, AdapterErrorKind.Unavailable, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, AdapterErrorKind.Unavailable, true)]
    public void FromResponse_Status_MapsToKindAndRetryability(HttpStatusCode status, AdapterErrorKind kind, bool retryable)
    {
        var error = Map(status);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.Retryable);
    }

    [Fact]
    public void FromResponse_RetryAfter_IsHonoured()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Map(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7)).RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(3), Map(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(3)).RetryAfter);
    }

    [Theory]
    [InlineData("""{"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:os-quota-sets:update"}}""", "Policy doesn't allow")]
    [InlineData("""{"error": {"code": 409, "message": "Conflict occurred attempting to store project"}}""", "Conflict occurred")]
    [InlineData("""{"errors": [{"status": 404, "title": "Not Found", "detail": "No resource provider with uuid x found"}]}""", "No resource provider")]
    public void FromResponse_ServiceErrorBodies_MessageIsTheServicesOwn(string body, string expected)
    {
        Assert.Contains(expected, Map(HttpStatusCode.Conflict, body).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromException_ConnectionRefused_IsRetryableUnavailable_AndTimeoutIsTimeout()
    {
        var refused = OpenStackErrors.FromException("placement", new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        var timeout = OpenStackErrors.FromException("placement", new TaskCanceledException());

        Assert.Equal((AdapterErrorKind.Unavailable, true), (refused.Kind, refused.Retryable));
        Assert.Equal((AdapterErrorKind.Timeout, true), (timeout.Kind, timeout.Retryable));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"username": "u"}""")]
    [InlineData("""{"applicationCredentialId": "id"}""")]
    public void Credentials_Incomplete_AreInvalidWithoutEchoingThem(string secret)
    {
        var parsed = OpenStackCredentials.Parse(secret);

        Assert.Equal(AdapterErrorKind.Invalid, parsed.Error?.Kind);
        Assert.DoesNotContain(secret, parsed.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_ToString_NamesTheUserButNeverThePassword()
    {
        var parsed = OpenStackCredentials.Parse("""{"username": "ops", "password": "s3cret-pw", "projectName": "admin"}""").Unwrap();

        Assert.Equal("user ops", parsed.ToString());
        Assert.Contains("s3cret-pw", parsed.AuthBody.ToJsonString(), StringComparison.Ordinal);
    }
}
