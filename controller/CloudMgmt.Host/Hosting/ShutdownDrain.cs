namespace CloudMgmt.Host.Hosting;

/// <summary>Registers <see cref="ShutdownDrain"/> with Cluster:DrainDelay; call it last, so that its Stopping step runs before any other service's.</summary>
internal static class ShutdownDrainSetup
{
    public static IServiceCollection AddShutdownDrain(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ShutdownDrain(sp.GetRequiredService<ClusterSettings>().DrainDelay, sp.GetRequiredService<ILogger<ShutdownDrain>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        return services;
    }
}

/// <summary>
/// The first thing a stopping node does: /readyz answers 503 while the node goes on serving for
/// Cluster:DrainDelay, so that a load balancer (a Kubernetes Service) stops sending it requests
/// before its HTTP server closes and its silo leaves. Without it the server stops first, and
/// requests still routed here meanwhile are refused.
/// </summary>
internal sealed partial class ShutdownDrain(TimeSpan delay, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(delay);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // the host's shutdown timeout ran out: stop now
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Stopping: /readyz answers 503 from now on; serving for {Delay} more so that load balancers stop sending requests here")]
    private partial void LogDraining(TimeSpan delay);
}
