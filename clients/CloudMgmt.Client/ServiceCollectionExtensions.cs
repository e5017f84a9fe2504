using CloudMgmt.Client.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Client;

/// <summary>Registers <see cref="CloudMgmtClient"/> with the HTTP client factory.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="CloudMgmtClient"/> whose HttpClient comes from the factory, with the bearer token and
    /// the client's retries; the options are checked when the client is first made.
    /// </summary>
    public static IHttpClientBuilder AddCloudMgmtClient(this IServiceCollection services, Action<CloudMgmtClientOptions> configure)
    {
        services.AddOptions<CloudMgmtClientOptions>().Configure(configure).Validate(o =>
        {
            o.Validate();
            return true;
        });
        var builder = services.AddHttpClient(nameof(CloudMgmtClient));
        builder.AddTypedClient((http, sp) =>
        {
            var options = sp.GetRequiredService<IOptions<CloudMgmtClientOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            http.Timeout = Timeout.InfiniteTimeSpan;
            return new CloudMgmtClient(http, options);
        });
        return builder
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredService<IOptions<CloudMgmtClientOptions>>().Value.Tokens()))
            .AddHttpMessageHandler(sp => new Microsoft.Extensions.Http.Resilience.ResilienceHandler(
                RetryPolicy.Build(sp.GetRequiredService<IOptions<CloudMgmtClientOptions>>().Value)));
    }
}
