using CloudMgmt.Adapters.Kubernetes.Tests.FakeApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Adapters.Kubernetes.Tests.Adapter;

/// <summary>
/// A registered endpoint that answers every call with a redirect elsewhere: the client does not
/// follow it (a followed redirect would carry the client certificate, and the call, to a server the
/// registration never named), so the call fails and the other server hears nothing.
/// </summary>
public sealed class RedirectTests
{
    [Fact]
    public async Task DescribeCapacity_EndpointRedirectsElsewhere_NotFollowed_AndTheOtherServerGetsNothing()
    {
        await using var elsewhere = await FakeCluster.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var redirector = builder.Build();
        var target = elsewhere.Api.BaseAddress.ToString().TrimEnd('/');
        redirector.Run(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = target + context.Request.Path + context.Request.QueryString;
            return Task.CompletedTask;
        });
        await redirector.StartAsync();
        var url = new Uri(redirector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var kubeconfig = new Kubeconfig(url, elsewhere.Api.Token);
        var adapter = new KubernetesAdapterFactory(TimeProvider.System, kubeconfig.Credentials).Create(
            new CloudConnection("redirecting", KubernetesAdapter.KindName, null, "anhui", kubeconfig.CredentialsRef,
                new Dictionary<string, string> { ["context"] = Kubeconfig.Context }) { AllowInsecureEndpoint = true });

        using var owned = adapter as IDisposable;
        var result = await adapter.DescribeCapacityAsync(default);

        Assert.False(result.Succeeded);
        Assert.Empty(elsewhere.Api.Requests);
        await redirector.StopAsync();
    }
}
