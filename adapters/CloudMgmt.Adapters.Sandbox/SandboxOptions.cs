using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

/// <summary>One zone of a sandbox cloud.</summary>
public sealed record SandboxZone(string Name, string Architecture, ResourceVector Capacity);

/// <summary>How a sandbox cloud looks and misbehaves.</summary>
public sealed record SandboxOptions
{
    public required IReadOnlyList<SandboxZone> Zones { get; init; }

    /// <summary>Labels of every zone (securityLevel, xinchuang, sector, ...).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Delay of every call, on the injected clock. Default none.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Share of calls that fail as a retryable outage, 0 to 1. Default 0.</summary>
    public double FailureRate { get; init; }

    /// <summary>Extra delay after a grant is made and before the call returns: a window in which a test can kill the controller.</summary>
    public TimeSpan ApplyDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Seed of the fault and usage randomness, so that a run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Usage profile of grants that do not name one in the label <see cref="UsageSimulator.ProfileLabel"/>.</summary>
    public UsageProfile DefaultProfile { get; init; } = UsageProfile.Steady;
}
