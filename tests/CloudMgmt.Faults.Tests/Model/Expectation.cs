namespace CloudMgmt.Faults.Tests.Model;

/// <summary>One state an allocation may settle in: its status once the reconciler is done, and its size.</summary>
public readonly record struct Settled(string Status, long Vcpu, long Memory)
{
    public override string ToString() => $"{Status} {Vcpu} vcpu/{Memory} GiB";
}

/// <summary>
/// What the model allows of one allocation. An acknowledged request narrows it to its outcome; a
/// request a crash cut may have happened or not (and a cut resize may also end at its floor), so it
/// widens it. After each recovery the observed state must be one allowed, and becomes the only one.
/// </summary>
public sealed class Expectation(string id, string tenant, string key, long vcpu, long memory)
{
    public string Id { get; } = id;

    public string Tenant { get; } = tenant;

    /// <summary>The Idempotency-Key it was requested with: a retry must find it, not make another.</summary>
    public string Key { get; } = key;

    public long Vcpu { get; } = vcpu;

    public long Memory { get; } = memory;

    /// <summary>May it not exist at all (its creation was cut and never retried)?</summary>
    public bool MayBeMissing { get; set; }

    public HashSet<Settled> Allowed { get; } = [];

    /// <summary>An elastic growth waiting for an operator: an approval may take it to this size.</summary>
    public (long Vcpu, long Memory)? PendingGrow { get; set; }

    /// <summary>Set once it was seen to exist (or was acknowledged): from then on it must.</summary>
    public bool Exists { get; set; }

    public static bool IsFinal(string status) => status is "Released" or "Rejected" or "Failed";

    /// <summary>The status an allocation ends in once the reconciler has done its part.</summary>
    public static string Converged(string status) => status switch
    {
        "Placed" or "Provisioning" or "Resizing" or "Admitted" => "Ready",
        "Releasing" => "Released",
        _ => status,
    };

    public void Acknowledged(string status, long vcpu, long memory)
    {
        Allowed.Clear();
        Allowed.Add(new Settled(Converged(status), vcpu, memory));
        (Exists, MayBeMissing) = (true, false);
    }

    /// <summary>A request was cut by a crash: each allowed state may stay, or move as <paramref name="next"/> says.</summary>
    public void Cut(Func<Settled, IEnumerable<Settled>> next)
    {
        foreach (var state in Allowed.ToList())
        {
            Allowed.UnionWith(next(state));
        }
    }
}
