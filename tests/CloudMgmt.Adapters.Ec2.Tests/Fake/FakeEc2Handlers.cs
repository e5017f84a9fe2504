using System.Xml.Linq;
using static CloudMgmt.Adapters.Ec2.Tests.Fake.Ec2Xml;

namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>The EC2 actions the fake speaks, on <see cref="FakeEc2State"/>, answered as EC2 answers them: here the capacity reservations.</summary>
internal sealed partial class FakeEc2Handlers(FakeEc2State state)
{
    private const string OwnerId = "123456789012";

    public XElement Handle(string action, QueryParameters q, string requestId) => action switch
    {
        "DescribeCapacityReservations" => DescribeReservations(q, requestId),
        "CreateCapacityReservation" => Create(q, requestId),
        "ModifyCapacityReservation" => Modify(q, requestId),
        "CancelCapacityReservation" => Cancel(q, requestId),
        "CreateTags" => CreateTags(q, requestId),
        "DescribeInstanceTypeOfferings" => DescribeOfferings(q, requestId),
        "DescribeInstanceTypes" => DescribeTypes(q, requestId),
        "DescribeAccountAttributes" => DescribeAccount(q, requestId),
        _ => throw new FakeEc2Error(400, "InvalidAction", $"The action {action} is not valid for this web service."),
    };

    private XElement DescribeReservations(QueryParameters q, string requestId)
    {
        var ids = q.List("CapacityReservationId");
        var filters = q.Filters();
        var hidden = state.HiddenFromNextDescribe.ToHashSet(StringComparer.Ordinal);
        state.HiddenFromNextDescribe.Clear();
        var matching = state.Reservations
            .Where(r => !hidden.Contains(r.Id) && (ids.Count == 0 || ids.Contains(r.Id)) && filters.All(f => Matches(r, f.Name, f.Values)))
            .ToList();
        foreach (var id in ids.Where(id => state.Reservations.All(r => r.Id != id)))
        {
            throw new FakeEc2Error(400, "InvalidCapacityReservationId.NotFound", $"The capacity reservation ID '{id}' does not exist");
        }

        var (page, next) = Page(matching, q, 1, 1000);
        return Response("DescribeCapacityReservations", requestId,
            new XElement(Ns + "capacityReservationSet", page.Select(r => new XElement(Ns + "item", Reservation(r, OwnerId)))), NextToken(next));
    }

    private static bool Matches(FakeReservation r, string name, IReadOnlyList<string> values) => name switch
    {
        "state" => values.Contains(r.State),
        "instance-type" => values.Contains(r.InstanceType),
        "availability-zone" => values.Contains(r.Zone),
        "tag-key" => r.Tags.Keys.Any(values.Contains),
        _ when name.StartsWith("tag:", StringComparison.Ordinal) => r.Tags.TryGetValue(name[4..], out var v) && values.Contains(v),
        _ => throw new FakeEc2Error(400, "InvalidParameterValue", $"The filter '{name}' is invalid"),
    };

    private XElement Create(QueryParameters q, string requestId)
    {
        var type = q.Required("InstanceType");
        var zone = q.Required("AvailabilityZone");
        var platform = q.Required("InstancePlatform");
        var count = q.Int("InstanceCount", 1, 10000) ?? throw new FakeEc2Error(400, "MissingParameter", "The request must contain the parameter InstanceCount");
        var token = q.Get("ClientToken");
        var signature = $"{type}|{zone}|{platform}|{count}";
        if (token is not null && state.ClientTokens.TryGetValue(token, out var known))
        {
            return known.Signature == signature
                ? Response("CreateCapacityReservation", requestId, E("capacityReservation", Reservation(state.Reservations.Single(r => r.Id == known.ReservationId), OwnerId)))
                : throw new FakeEc2Error(400, "IdempotentParameterMismatch",
                    "The client token you have provided is associated with a resource that is already deleted or has different parameters.");
        }

        if (!state.Offerings.TryGetValue(zone, out var offered))
        {
            throw new FakeEc2Error(400, "InvalidParameterValue", $"Invalid availability zone: [{zone}]");
        }

        var shape = offered.SingleOrDefault(t => t.Name == type)
            ?? throw new FakeEc2Error(400, "InvalidParameterValue", $"The instance type '{type}' is not supported in {zone}");
        if (state.VcpuReservedIn(zone) + count * shape.Vcpu > state.ZoneVcpuRoom)
        {
            throw new FakeEc2Error(500, "InsufficientInstanceCapacity",
                $"There is insufficient capacity for the requested {type} in {zone}. Try another Availability Zone.");
        }

        // CreateCapacityReservation's member is TagSpecifications (plural) in the EC2 model, so its query
        // keys are TagSpecifications.1.Tag.1.Key; RunInstances' singular TagSpecification.N is unknown here.
        if (q.All.Keys.FirstOrDefault(k => k.StartsWith("TagSpecification.", StringComparison.Ordinal)) is { } unknown)
        {
            throw new FakeEc2Error(400, "UnknownParameter", $"The parameter {unknown} is not recognized");
        }

        var tags = q.Tags("TagSpecifications.1.");
        if (q.Get("TagSpecifications.1.ResourceType") is { } resourceType && resourceType != "capacity-reservation")
        {
            throw new FakeEc2Error(400, "InvalidParameterValue", $"'{resourceType}' is not a valid taggable resource type for this operation.");
        }

        var reservation = state.Add(type, zone, count, tags);
        if (token is not null)
        {
            state.ClientTokens[token] = (signature, reservation.Id);
        }

        if (state.HideNewFromNextDescribe)
        {
            state.HiddenFromNextDescribe.Add(reservation.Id);
        }

        if (state.LoseNextCreateResponse)
        {
            state.LoseNextCreateResponse = false;
            throw new FakeEc2Error(500, "InternalError", "An internal error has occurred.");
        }

        return Response("CreateCapacityReservation", requestId, E("capacityReservation", Reservation(reservation, OwnerId)));
    }

    private XElement Modify(QueryParameters q, string requestId)
    {
        var reservation = Active(q.Required("CapacityReservationId"));
        if (q.Int("InstanceCount", 1, 10000) is { } count)
        {
            var vcpu = state.TypeOf(reservation.InstanceType).Vcpu;
            if (state.VcpuReservedIn(reservation.Zone, reservation) + count * vcpu > state.ZoneVcpuRoom)
            {
                throw new FakeEc2Error(500, "InsufficientInstanceCapacity", $"There is insufficient capacity for {count} {reservation.InstanceType} in {reservation.Zone}.");
            }

            reservation.Total = count;
        }

        return Response("ModifyCapacityReservation", requestId, E("return", "true"));
    }

    private XElement Cancel(QueryParameters q, string requestId)
    {
        Active(q.Required("CapacityReservationId")).State = "cancelled";
        return Response("CancelCapacityReservation", requestId, E("return", "true"));
    }

    private XElement CreateTags(QueryParameters q, string requestId)
    {
        var tags = q.Tags("");
        foreach (var id in q.List("ResourceId"))
        {
            var reservation = state.Reservations.SingleOrDefault(r => r.Id == id)
                ?? throw new FakeEc2Error(400, "InvalidCapacityReservationId.NotFound", $"The capacity reservation ID '{id}' does not exist");
            foreach (var (key, value) in tags)
            {
                reservation.Tags[key] = value;
            }
        }

        return Response("CreateTags", requestId, E("return", "true"));
    }

    private FakeReservation Active(string id)
    {
        var reservation = state.Reservations.SingleOrDefault(r => r.Id == id)
            ?? throw new FakeEc2Error(400, "InvalidCapacityReservationId.NotFound", $"The capacity reservation ID '{id}' does not exist");
        return reservation.State == "active" ? reservation
            : throw new FakeEc2Error(400, "InvalidCapacityReservationId.NotFound", $"The capacity reservation '{id}' is {reservation.State}");
    }
}
