using System.Globalization;
using System.Xml.Linq;

namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>The XML of EC2 Query responses (API version 2016-11-15) and of its error bodies.</summary>
public static class Ec2Xml
{
    public static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static XElement Response(string action, string requestId, params object?[] content) =>
        new(Ns + $"{action}Response", new XElement(Ns + "requestId", requestId), content);

    /// <summary>EC2's error body: no namespace, Response/Errors/Error with Code and Message, then RequestID.</summary>
    public static XElement Error(string code, string message, string requestId) =>
        new("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", requestId));

    public static XElement E(string name, object? content) => new(Ns + name, content);

    /// <summary>A list: EC2 wraps each member in &lt;item&gt;.</summary>
    public static XElement Set(string name, IEnumerable<object> items) => new(Ns + name, items.Select(i => new XElement(Ns + "item", i)));

    public static XElement? NextToken(string? token) => token is null ? null : E("nextToken", token);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static object[] Reservation(FakeReservation r, string ownerId) =>
    [
        E("capacityReservationId", r.Id),
        E("ownerId", ownerId),
        E("capacityReservationArn", $"arn:aws:ec2:test-1:{ownerId}:capacity-reservation/{r.Id}"),
        E("availabilityZoneId", r.Zone.Replace("test-1", "tst1-az", StringComparison.Ordinal)),
        E("instanceType", r.InstanceType),
        E("instancePlatform", r.Platform),
        E("availabilityZone", r.Zone),
        E("tenancy", "default"),
        E("totalInstanceCount", r.Total),
        E("availableInstanceCount", r.Available),
        E("ebsOptimized", "false"),
        E("ephemeralStorage", "false"),
        E("state", r.State),
        E("startDate", Time(r.Created)),
        E("endDateType", "unlimited"),
        E("instanceMatchCriteria", r.MatchCriteria),
        E("createDate", Time(r.Created)),
        Set("tagSet", r.Tags.Select(t => (object)new[] { E("key", t.Key), E("value", t.Value) })),
    ];
}
