using System.Net;
using System.Net.Sockets;
using CloudMgmt.Adapters.Ec2.Tests.Fake;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Ec2.Tests;

/// <summary>EC2's errors as the contract's kinds, and credentials kept out of every message.</summary>
public sealed class ErrorTests(FakeEc2Fixture fixture) : IClassFixture<FakeEc2Fixture>
{
    [Fact]
    public async Task AnyCall_Throttled_IsRetryableThrottledWithTheErrorCode()
    {
        fixture.State.ThrottleNext = 1;

        var result = await fixture.Adapter().ListGrantsAsync(default);

        Assert.Equal(AdapterErrorKind.Throttled, result.Error?.Kind);
        Assert.True(result.Error!.Retryable);
        Assert.Contains("RequestLimitExceeded", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyGrant_InsufficientInstanceCapacityInEveryZone_IsNotRetryableAndLeavesNothing()
    {
        var spec = Specs.For(ResourceVector.Of(600, 2400), "no-room");
        var result = await fixture.Adapter().ApplyGrantAsync(spec, default);

        Assert.Equal(AdapterErrorKind.InsufficientCapacity, result.Error?.Kind);
        Assert.False(result.Error!.Retryable);
        Assert.Contains("InsufficientInstanceCapacity", result.Error.Message, StringComparison.Ordinal);
        var tried = fixture.State.Calls.Where(c => c.Action == "CreateCapacityReservation" && c.Parameters.Values.Contains(spec.Grant.AllocationId))
            .Select(c => c.Parameters["AvailabilityZone"]).Distinct().Order().ToList();
        Assert.Equal(FakeCatalogue.Zones, tried); // each zone was tried
        // The plan mixes two types: the part a zone did make was cancelled again, so nothing is held.
        Assert.Empty(fixture.State.ActiveOf(spec.Grant.AllocationId));
    }

    [Fact]
    public async Task ApplyGrant_FirstZoneFull_LandsInTheNextZone()
    {
        var filler = fixture.State.Add("m5.4xlarge", FakeCatalogue.Zones[0], 30, new Dictionary<string, string>()); // 480 of 512 vCPUs
        try
        {
            var spec = Specs.For(ResourceVector.Of(64, 256), "next-zone");
            var observed = (await fixture.Adapter().ApplyGrantAsync(spec, default)).Unwrap();

            Assert.Equal(FakeCatalogue.Zones[1], observed.Zone);
            Assert.All(fixture.State.ActiveOf(spec.Grant.AllocationId), r => Assert.Equal(FakeCatalogue.Zones[1], r.Zone));
        }
        finally
        {
            fixture.State.Cancel(filler.Id);
        }
    }

    [Fact]
    public async Task ObserveGrant_ReservationsCancelled_IsNotFound()
    {
        var spec = Specs.For(ResourceVector.Of(2, 8), "gone");
        var adapter = fixture.Adapter();
        await adapter.ApplyGrantAsync(spec, default);
        fixture.State.ActiveOf(spec.Grant.AllocationId).ForEach(r => fixture.State.Cancel(r.Id));

        Assert.Equal(AdapterErrorKind.NotFound, (await adapter.ObserveGrantAsync(spec.Grant, default)).Error?.Kind);
        Assert.Equal(AdapterErrorKind.NotFound, (await adapter.ResizeGrantAsync(spec, default)).Error?.Kind);
    }

    [Fact]
    public async Task AnyCall_WrongKeys_IsUnauthorizedAndNeverCarriesTheKeys()
    {
        const string key = "AKIAWRONGKEY12345678";
        const string secret = "wrong/secret+never+to+be+shown";
        var adapter = fixture.Adapter(credentialsRef: "file:" + fixture.WriteSecret("wrong-keys", $"{key}:{secret}"));

        var results = new[]
        {
            (await adapter.ListGrantsAsync(default)).Error,
            (await adapter.ApplyGrantAsync(Specs.For(ResourceVector.Of(2, 8)), default)).Error,
            (await adapter.DescribeCapacityAsync(default)).Error,
        };

        Assert.Contains(fixture.State.Calls, c => c.AccessKeyId == key); // the fake did see the key and quoted it back
        Assert.All(results, e =>
        {
            Assert.Equal(AdapterErrorKind.Unauthorized, e?.Kind);
            Assert.False(e!.Retryable);
            Assert.DoesNotContain(key, e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Create_UnreadableOrMalformedCredentials_SaysWhatIsWrongButNotWhatItHolds()
    {
        const string secret = "{\"accessKeyId\": \"AKIAHALFWRITTEN\", \"secretAccessKey\": \"s3cr3t-in-broken-json";
        var malformed = fixture.Adapter(credentialsRef: "file:" + fixture.WriteSecret("broken.json", secret));
        var outside = fixture.Adapter(credentialsRef: "file:/nonexistent/ec2-keys.json");

        var broken = (await malformed.ListGrantsAsync(default)).Error!;
        var refused = (await outside.ListGrantsAsync(default)).Error!;

        Assert.Equal(AdapterErrorKind.Invalid, broken.Kind);
        Assert.DoesNotContain("s3cr3t", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAHALFWRITTEN", broken.Message, StringComparison.Ordinal);
        Assert.StartsWith("credentialsRef: does not hold an EC2 key pair", broken.Message, StringComparison.Ordinal);
        Assert.Contains("outside the credentials directory", refused.Message, StringComparison.Ordinal);
        Assert.False((await outside.CheckHealthAsync(default)).Unwrap().Healthy);
    }

    [Fact]
    public void Validate_BadRegistration_ReportsEveryProblemWithItsField()
    {
        var factory = new Ec2AdapterFactory(TimeProvider.System, fixture.Credentials);
        var connection = new CloudConnection("ec2-test", "ec2", fixture.Server.Url, "evil.example/", "env:HOME", new Dictionary<string, string>
        {
            ["pageSize"] = "2", ["architecture"] = "sparc", ["instancePolicy"] = "biggest", ["prices"] = "m5.large=free", ["maxVcpus"] = "8",
        });

        var problems = factory.Validate(connection);

        string[] expected =
        [
            "credentialsRef", "endpoint", "region", "settings.architecture", "settings.instancePolicy", "settings.maxVcpus", "settings.pageSize", "settings.prices",
        ];
        Assert.Equal(expected, problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Contains("must be https", problems.Single(p => p.Field == "endpoint").Message, StringComparison.Ordinal);
        Assert.Contains("not allowed", problems.Single(p => p.Field == "credentialsRef").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodRegistration_HasNoProblem()
    {
        var factory = new Ec2AdapterFactory(TimeProvider.System, fixture.Credentials);

        Assert.Empty(factory.Validate(fixture.Connection(new Dictionary<string, string> { ["pageSize"] = "50", ["architecture"] = "arm64" })));
    }

    [Fact]
    public async Task AnyCall_NothingListening_IsRetryableUnavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // the port is free now: connections are refused

        var result = await fixture.Adapter(endpoint: $"http://127.0.0.1:{port}").ListGrantsAsync(default);

        Assert.Equal(AdapterErrorKind.Unavailable, result.Error?.Kind);
        Assert.True(result.Error!.Retryable);
    }

    [Fact]
    public async Task AnyCall_EndpointTooSlow_IsRetryableTimeout()
    {
        fixture.State.AnswerDelay = TimeSpan.FromSeconds(5);
        try
        {
            var result = await fixture.Adapter(Specs.Settings(("timeoutSeconds", "1"))).ListGrantsAsync(default);

            Assert.Equal(AdapterErrorKind.Timeout, result.Error?.Kind);
            Assert.True(result.Error!.Retryable);
        }
        finally
        {
            fixture.State.AnswerDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Create_InvalidSettings_ReportsEveryProblem()
    {
        var adapter = fixture.Adapter(Specs.Settings(("instancePolicy", "largest"), ("architecture", "sparc"), ("maxVcpu", "-3")));

        var error = (await adapter.DescribeCapacityAsync(default)).Error!;

        Assert.Equal(AdapterErrorKind.Invalid, error.Kind);
        Assert.Contains("instancePolicy", error.Message, StringComparison.Ordinal);
        Assert.Contains("architecture", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxVcpu", error.Message, StringComparison.Ordinal);
    }
}
