namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>An instance type the fake offers.</summary>
public sealed record FakeInstanceType(string Name, int Vcpu, long MemoryMiB, int Gpus, string Architecture);

/// <summary>One capacity reservation held by the fake, as EC2 keeps it.</summary>
public sealed class FakeReservation
{
    public required string Id { get; init; }

    public required string InstanceType { get; init; }

    public required string Zone { get; init; }

    public required string Platform { get; init; }

    public required string MatchCriteria { get; init; }

    public required DateTimeOffset Created { get; init; }

    public int Total { get; set; }

    /// <summary>Instances running in the reservation; AvailableInstanceCount is Total minus these.</summary>
    public int Running { get; set; }

    public string State { get; set; } = "active";

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public int Available => Math.Max(0, Total - Running);
}

/// <summary>A call the fake answered, for tests that count calls or read what was sent.</summary>
public sealed record FakeCall(string Action, IReadOnlyDictionary<string, string> Parameters, string AccessKeyId);

/// <summary>The catalogue and zones the fake starts with.</summary>
public static class FakeCatalogue
{
    public static IReadOnlyList<string> Zones { get; } = ["test-1a", "test-1b"];

    public static IReadOnlyList<FakeInstanceType> Types { get; } =
    [
        new("c5.large", 2, 4096, 0, "x86_64"),
        new("c5.xlarge", 4, 8192, 0, "x86_64"),
        new("m5.large", 2, 8192, 0, "x86_64"),
        new("m5.xlarge", 4, 16384, 0, "x86_64"),
        new("m5.2xlarge", 8, 32768, 0, "x86_64"),
        new("m5.4xlarge", 16, 65536, 0, "x86_64"),
        new("r5.large", 2, 16384, 0, "x86_64"),
        new("r5.xlarge", 4, 32768, 0, "x86_64"),
        new("g4dn.xlarge", 4, 16384, 1, "x86_64"),
        new("m6g.large", 2, 8192, 0, "arm64"),
        new("m6g.xlarge", 4, 16384, 0, "arm64"),
        new("t3.nano", 2, 512, 0, "x86_64"),
    ];
}
