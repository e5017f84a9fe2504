namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>
/// What the fake EC2 holds (reservations, ClientTokens, the catalogue, each zone's vCPU room) and
/// the knobs tests turn (outage, throttling, a lost response, a reservation hidden from the next
/// listing as eventual consistency would). Also the back door: instances launched into a
/// reservation, changes and cancellations made behind the adapter's back.
/// </summary>
public sealed class FakeEc2State
{
    private readonly Lock _gate = new();
    private int _nextId = 0x1000;

    public FakeEc2State(string accessKeyId, string secretAccessKey)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
    }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public Lock Gate => _gate;

    public List<FakeReservation> Reservations { get; } = [];

    public Dictionary<string, (string Signature, string ReservationId)> ClientTokens { get; } = new(StringComparer.Ordinal);

    public List<FakeCall> Calls { get; } = [];

    public Dictionary<string, List<FakeInstanceType>> Offerings { get; } =
        FakeCatalogue.Zones.ToDictionary(z => z, _ => FakeCatalogue.Types.ToList(), StringComparer.Ordinal);

    /// <summary>vCPUs each zone can reserve in all; beyond that CreateCapacityReservation is InsufficientInstanceCapacity.</summary>
    public int ZoneVcpuRoom { get; set; } = 512;

    public int MaxInstances { get; set; } = 20;

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public bool Outage { get; set; }

    /// <summary>How long the endpoint takes to answer (a slow or hung cloud).</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>How many of the next calls are refused with RequestLimitExceeded.</summary>
    public int ThrottleNext { get; set; }

    /// <summary>The next CreateCapacityReservation is carried out, but answered with an InternalError (the response is lost).</summary>
    public bool LoseNextCreateResponse { get; set; }

    /// <summary>Reservations made from now on are missing from the next DescribeCapacityReservations (EC2 is eventually consistent).</summary>
    public bool HideNewFromNextDescribe { get; set; }

    public HashSet<string> HiddenFromNextDescribe { get; } = new(StringComparer.Ordinal);

    public string NextId() => $"cr-{Interlocked.Increment(ref _nextId):x17}";

    public FakeInstanceType TypeOf(string name) => FakeCatalogue.Types.Single(t => t.Name == name);

    public int VcpuReservedIn(string zone, FakeReservation? except = null) =>
        Reservations.Where(r => r.State == "active" && r.Zone == zone && r != except).Sum(r => r.Total * TypeOf(r.InstanceType).Vcpu);

    public List<FakeReservation> ActiveOf(string allocationId)
    {
        lock (_gate)
        {
            return Reservations.Where(r => r.State == "active" && r.Tags.GetValueOrDefault("cloudmgmt.io/allocation") == allocationId).ToList();
        }
    }

    public int CallsOf(string action)
    {
        lock (_gate)
        {
            return Calls.Count(c => c.Action == action);
        }
    }

    /// <summary>Back door: instances launched into (positive) or terminated from (negative) a reservation.</summary>
    public void Launch(string reservationId, int instances)
    {
        lock (_gate)
        {
            var r = Reservations.Single(r => r.Id == reservationId);
            r.Running = Math.Clamp(r.Running + instances, 0, r.Total);
        }
    }

    /// <summary>Back door: an operator changes a reservation's instance count, or cancels it, by hand.</summary>
    public void SetTotal(string reservationId, int total)
    {
        lock (_gate)
        {
            Reservations.Single(r => r.Id == reservationId).Total = total;
        }
    }

    public void Cancel(string reservationId)
    {
        lock (_gate)
        {
            Reservations.Single(r => r.Id == reservationId).State = "cancelled";
        }
    }

    /// <summary>Back door: a reservation made outside the adapter, with the given tags.</summary>
    public FakeReservation Add(string instanceType, string zone, int total, IReadOnlyDictionary<string, string> tags)
    {
        lock (_gate)
        {
            var r = new FakeReservation
            {
                Id = NextId(), InstanceType = instanceType, Zone = zone, Total = total, Platform = "Linux/UNIX", MatchCriteria = "targeted",
                Created = Time.GetUtcNow(),
            };
            foreach (var (k, v) in tags)
            {
                r.Tags[k] = v;
            }

            Reservations.Add(r);
            return r;
        }
    }
}
