using CloudMgmt.Client;

namespace CloudMgmt.Client.Tests.Infrastructure;

/// <summary>
/// One real controller process per test class, with the two sandbox clouds and a grant pass every second
/// (so allocations become Ready quickly), and clients that read responses strictly: a field the client
/// does not know fails the test that met it.
/// </summary>
public sealed class ControllerFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("cloudmgmt-client-tests");
    private ControllerProcess? _controller;

    public ControllerProcess Controller => _controller ?? throw new InvalidOperationException("not started");

    public CloudMgmtClient Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _controller = await ControllerProcess.StartAsync(_data.Path,
            "--Reconcile:GrantInterval", "00:00:01", "--Elastic:Enabled", "false");
        Operator = Client(EmbeddedController.AdminToken);
        // Until its first inventory a cloud has no known capacity and placement passes it over; take it now
        // rather than racing the schedule.
        await Operator.Clouds.ReconcileAllAsync();
    }

    public CloudMgmtClient Client(string token, Action<CloudMgmtClientOptions>? adjust = null)
    {
        var options = new CloudMgmtClientOptions { BaseAddress = Controller.BaseAddress, Token = token, StrictResponses = true };
        adjust?.Invoke(options);
        return CloudMgmtClient.Create(options);
    }

    public async Task DisposeAsync()
    {
        Operator?.Dispose();
        if (_controller is not null)
        {
            await _controller.DisposeAsync();
        }

        _data.Dispose();
    }
}
