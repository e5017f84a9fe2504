using System.Text;
using System.Xml.Linq;
using static CloudMgmt.Adapters.Ec2.Tests.Fake.Ec2Xml;

namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>The catalogue and account actions, and NextToken paging.</summary>
internal sealed partial class FakeEc2Handlers
{
    private XElement DescribeOfferings(QueryParameters q, string requestId)
    {
        if (q.Get("LocationType") != "availability-zone")
        {
            throw new FakeEc2Error(400, "InvalidParameterValue", "The fake EC2 offers instance types per availability-zone only");
        }

        var all = state.Offerings.OrderBy(z => z.Key, StringComparer.Ordinal)
            .SelectMany(z => z.Value.Select(t => (Zone: z.Key, Type: t.Name))).ToList();
        var (page, next) = Page(all, q, 5, 1000);
        return Response("DescribeInstanceTypeOfferings", requestId, Set("instanceTypeOfferingSet", page.Select(o => (object)new[]
        {
            E("instanceType", o.Type), E("locationType", "availability-zone"), E("location", o.Zone),
        })), NextToken(next));
    }

    private static XElement DescribeTypes(QueryParameters q, string requestId)
    {
        var names = q.List("InstanceType");
        if (names.Count > 100)
        {
            throw new FakeEc2Error(400, "InvalidParameterValue", "The maximum number of instance types is 100.");
        }

        var types = FakeCatalogue.Types.Where(t => names.Count == 0 || names.Contains(t.Name)).ToList();
        var (page, next) = Page(types, q, 5, 100);
        return Response("DescribeInstanceTypes", requestId, Set("instanceTypeSet", page.Select(t => (object)new object?[]
        {
            E("instanceType", t.Name),
            E("currentGeneration", "true"),
            E("processorInfo", Set("supportedArchitectures", [t.Architecture])),
            E("vCpuInfo", new[] { E("defaultVCpus", t.Vcpu), E("defaultCores", Math.Max(1, t.Vcpu / 2)), E("defaultThreadsPerCore", t.Vcpu > 1 ? 2 : 1) }),
            E("memoryInfo", E("sizeInMiB", t.MemoryMiB)),
            t.Gpus == 0 ? null : E("gpuInfo", new object[]
            {
                Set("gpus", [new[] { E("name", "T4"), E("manufacturer", "NVIDIA"), E("count", t.Gpus), E("memoryInfo", E("sizeInMiB", 16384)) }]),
                E("totalGpuMemoryInMiB", 16384 * t.Gpus),
            }),
        })), NextToken(next));
    }

    private XElement DescribeAccount(QueryParameters q, string requestId)
    {
        var attributes = new Dictionary<string, string> { ["supported-platforms"] = "VPC", ["max-instances"] = state.MaxInstances.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var names = q.List("AttributeName");
        return Response("DescribeAccountAttributes", requestId, Set("accountAttributeSet", attributes
            .Where(a => names.Count == 0 || names.Contains(a.Key))
            .Select(a => (object)new[] { E("attributeName", a.Key), Set("attributeValueSet", [E("attributeValue", a.Value)]) })));
    }

    /// <summary>NextToken paging: the token is an opaque offset, MaxResults the page size (all at once when absent).</summary>
    private static (List<T> Page, string? Next) Page<T>(List<T> items, QueryParameters q, int min, int max)
    {
        var size = q.Int("MaxResults", min, max) ?? items.Count;
        var offset = 0;
        if (q.Get("NextToken") is { } token)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            offset = decoded.StartsWith("offset:", StringComparison.Ordinal) ? int.Parse(decoded[7..], System.Globalization.CultureInfo.InvariantCulture)
                : throw new FakeEc2Error(400, "InvalidNextToken", "The token is invalid.");
        }

        var page = items.Skip(offset).Take(size).ToList();
        var end = offset + page.Count;
        return (page, end < items.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{end}")) : null);
    }
}
