using System.Net;
using CloudMgmt.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Api.Tests.Errors;

/// <summary>
/// Any error status set without a body, by any middleware (a rate limiter's 429, say), reaches the
/// client as application/problem+json whatever it accepts. Shown with a stand-in middleware that
/// answers a made-up path with a bare status, behind the controller's own pipeline.
/// </summary>
public sealed class StatusPagesTests : IDisposable
{
    private readonly ControllerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(429, null)]
    [InlineData(429, "text/html")]
    [InlineData(503, "application/xml")]
    [InlineData(418, "text/plain")]
    public async Task BareStatus_FromAnyMiddleware_IsWrittenAsProblemJson(int status, string? accept)
    {
        using var host = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new BareStatus(status))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bare-status");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var problem = await host.CreateClient().SendAsync(request).ExpectProblem((HttpStatusCode)status);

        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem.Str("title")));
    }

    /// <summary>Runs after the controller's pipeline found no endpoint, the way an added middleware would sit inside it.</summary>
    private sealed class BareStatus(int status) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            });
        };
    }
}
