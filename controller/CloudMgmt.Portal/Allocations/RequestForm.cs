using CloudMgmt.Application.Allocations;

namespace CloudMgmt.Portal.Allocations;

/// <summary>
/// What a department asks for on the request page, turned into the application layer's request.
/// Each version of the form has its own Idempotency-Key: submitting the same form twice (a double
/// click, a retry) makes one allocation; changing anything makes it a new request.
/// </summary>
public sealed class RequestForm
{
    public static readonly IReadOnlyList<string> Resources = ["vcpu", "memoryGiB", "storageGiB", "gpu"];

    public string? Tenant { get; set; }

    public Dictionary<string, long?> Amounts { get; } = Resources.ToDictionary(r => r, _ => (long?)null, StringComparer.Ordinal);

    /// <summary>"true" when only Xinchuang (domestic technology) clouds may take it; empty for any.</summary>
    public string Xinchuang { get; set; } = "";

    /// <summary>The lowest MLPS level the cloud must have ("2", "3"); empty for the policy's minimum.</summary>
    public string SecurityLevel { get; set; } = "";

    /// <summary>Regions it may be placed in, comma-separated; empty for any the pool allows.</summary>
    public string? Region { get; set; }

    /// <summary>"x86_64" or "aarch64"; empty for any.</summary>
    public string Architecture { get; set; } = "";

    public string IdempotencyKey { get; private set; } = NewKey();

    /// <summary>Something to ask for: at least one positive amount, none negative.</summary>
    public bool HasAmounts => Amounts.Values.Any(a => a > 0) && Amounts.Values.All(a => a is null or >= 0);

    /// <summary>The form changed: a submit from now on is a different request.</summary>
    public void Changed() => IdempotencyKey = NewKey();

    public CreateAllocationRequest ToRequest()
    {
        var resources = Amounts.Where(a => a.Value > 0).ToDictionary(a => a.Key, a => a.Value!.Value, StringComparer.Ordinal);
        var constraints = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(constraints, "xinchuang", Xinchuang);
        Add(constraints, "minSecurityLevel", SecurityLevel);
        Add(constraints, "region", string.Join(',', (Region ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Add(constraints, "architecture", Architecture);
        return new CreateAllocationRequest(string.IsNullOrWhiteSpace(Tenant) ? null : Tenant.Trim(), resources, constraints, null);
    }

    private static void Add(Dictionary<string, string> constraints, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            constraints[name] = value.Trim();
        }
    }

    private static string NewKey() => "console-" + Guid.NewGuid().ToString("N");
}
