using CloudMgmt.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudMgmt.Client.Tests;

[Collection(ControllerCollection.Name)]
public sealed class DependencyInjectionTests(ControllerFixture fixture)
{
    [Fact]
    public async Task AddCloudMgmtClient_FromTheContainer_TalksToTheController()
    {
        var services = new ServiceCollection();
        services.AddCloudMgmtClient(o =>
        {
            o.BaseAddress = fixture.Controller.BaseAddress;
            o.Token = EmbeddedController.AdminToken;
            o.StrictResponses = true;
        });
        await using var provider = services.BuildServiceProvider();

        var clouds = await provider.GetRequiredService<CloudMgmtClient>().Clouds.ListAsync();

        Assert.Contains(clouds, c => c.Id == "province-x86");
    }

    [Fact]
    public void AddCloudMgmtClient_PlainHttpToAnotherHost_RefusedWhenTheClientIsMade()
    {
        var services = new ServiceCollection();
        services.AddCloudMgmtClient(o =>
        {
            o.BaseAddress = new Uri("http://cloudmgmt.gov.example");
            o.Token = "t";
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<CloudMgmtClient>());

        Assert.Contains("in the clear", e.Message, StringComparison.Ordinal);
    }
}
