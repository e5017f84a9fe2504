using Amazon.EC2.Model;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Grants;

/// <summary>One capacity reservation as the adapter needs it.</summary>
internal sealed record ReservationView(
    string Id, string InstanceType, string Zone, int Total, int Available, string State, IReadOnlyDictionary<string, string> Tags)
{
    public const string Active = "active";

    /// <summary>The tag that holds the resources the grant was asked for, e.g. "memoryGiB=16 vcpu=4".</summary>
    public const string RequestedTag = "cloudmgmt.io/requested";

    public bool IsActive => State == Active;

    public int InUse => Math.Max(0, Total - Available);

    public string? AllocationId => Tags.GetValueOrDefault(ManagementMarks.Allocation);

    public ResourceVector? Requested => Tags.TryGetValue(RequestedTag, out var text) ? ParseRequested(text) : null;

    public static ReservationView From(CapacityReservation r) => new(
        r.CapacityReservationId, r.InstanceType, r.AvailabilityZone, r.TotalInstanceCount ?? 0, r.AvailableInstanceCount ?? 0,
        r.State?.Value ?? "", (r.Tags ?? []).Where(t => t.Key is not null).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal));

    /// <summary>A vector as a tag value: EC2 tag values allow letters, digits, spaces and "=".</summary>
    public static string FormatRequested(ResourceVector resources) => string.Join(" ", resources.Entries.Select(e => $"{e.Key}={e.Value}"));

    public static ResourceVector? ParseRequested(string text)
    {
        var entries = new List<KeyValuePair<string, long>>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !ResourceNames.IsValid(pair[0]) || !long.TryParse(pair[1], System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value < 0 || entries.Any(e => e.Key == pair[0]))
            {
                return null;
            }

            entries.Add(new(pair[0], value));
        }

        return ResourceVector.From(entries);
    }
}
