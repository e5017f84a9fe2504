using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Domain.Usage;

/// <summary>One observation of a grant: what the cloud had granted for it and how much of that was in use.</summary>
public sealed record UsageSample(DateTimeOffset At, ResourceVector Granted, ResourceVector Used)
{
    /// <summary>Used divided by granted for one resource; null when nothing of it is granted.</summary>
    public double? Ratio(string resource)
    {
        var granted = Granted[resource];
        return granted <= 0 ? null : (double)Used[resource] / granted;
    }
}
