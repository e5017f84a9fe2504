using System.Text.Json;
using System.Text.Json.Serialization;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Host.Api.Limits;
using CloudMgmt.Host.Hosting;
using CloudMgmt.Host.Monitoring;
using Microsoft.AspNetCore.Http.Json;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace CloudMgmt.Host.Api;

internal static class ApiSetup
{
    public static IServiceCollection AddCloudMgmtApi(this IServiceCollection services)
    {
        // Prometheus asks for gzip; a province's page is megabytes of text that compresses about tenfold.
        services.AddResponseCompression(o => o.MimeTypes = ["text/plain", "application/openmetrics-text"]);
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>(); // before the framework's, which yields to Accept
        services.AddProblemDetails(o => o.CustomizeProblemDetails = BadRequestProblems.Describe);
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            RequestLimits.ConfigureKestrel(kestrel, limits.Value));
        // Bad bodies raise BadHttpRequestException, so the problem can name the field (see BadRequestProblems).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(o =>
        {
            o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddSingleton<StartupState>();
        services.Configure<JsonOptions>(o => Strict(o.SerializerOptions));
        return services;
    }

    /// <summary>
    /// Bodies are read strictly: amounts only as JSON numbers, no field the request type does not
    /// have, no field twice, no trailing commas, no deep nesting. A lenient reader would take
    /// {"vcpu":"1"} as 1, a misspelt field as absent, and the last of two "id"s as the id.
    /// </summary>
    public static void Strict(JsonSerializerOptions options)
    {
        options.AllowTrailingCommas = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = 16;
    }

    public static WebApplication UseCloudMgmtApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimits>();
        app.UseAuthentication();
        app.UseRateLimiter(); // knows the caller, and refuses a flood before authorization audits it (Auth/RateLimits)
        app.UseAuthorization();
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "CloudMgmt API v1");
            o.RoutePrefix = "docs";
            o.DocumentTitle = "CloudMgmt API";
        });

        var api = app.MapGroup("/api/v1").CheckInputs();
        api.MapPools();
        api.MapTenants();
        api.MapAllocations();
        api.MapKeys();
        api.MapAudit();
        api.MapClouds();
        Reports.ReportEndpoints.MapReports(api);
        api.MapElastic();

        var collector = app.Services.GetRequiredService<Monitoring.MetricsCollector>();
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(collector.CollectAsync); // state gauges from the grains, per scrape
        app.Lifetime.ApplicationStopping.Register(collector.Forget);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), branch => branch.UseResponseCompression());
        app.MapMetrics("/metrics").WithScrapeCredential(app.Services); // Prometheus text format; a bearer key unless Metrics:AllowAnonymous
        app.MapGet("/healthz", () => Results.Ok(new { status = "live" })).ExcludeFromDescription();
        app.MapGet("/readyz", async (StartupState startup, ClusterReadiness cluster, ShutdownDrain drain, IGrainFactory grains) =>
        {
            if (Readiness.WhyNotReady(drain.IsDraining, startup.IsReady, cluster.LocalStatus) is { } why)
            {
                return Results.Problem(why, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            await grains.GetGrain<ICatalogGrain>(CatalogGrain.Key).ListPools();
            return Results.Ok(new { status = "ready" });
        }).ExcludeFromDescription();
        return app;
    }
}
