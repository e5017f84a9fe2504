using System.Net;
using CloudMgmt.Security.Tests.Infrastructure;
using Xunit.Sdk;

namespace CloudMgmt.Security.Tests.Harness;

/// <summary>The probe assertions themselves must be able to fail: each is shown catching what it is for.</summary>
public sealed class ProbeHarnessTests(ProbeTarget target) : IClassFixture<ProbeTarget>
{
    [Fact]
    public async Task Fingerprint_PoolCreatedBetweenTwoReadings_DiffersAndNamesThePart()
    {
        var before = await target.FingerprintAsync();
        await target.Operator.Post("/api/v1/pools", new { id = "harness-pool", parent = SeededState.OtherCity, quota = new { vcpu = 1 } })
            .Expect(HttpStatusCode.Created);
        var after = await target.FingerprintAsync();

        var failure = Assert.Throws<FailException>(() => StateFingerprint.AssertSame(before, after));
        Assert.Contains("pools", failure.Message, StringComparison.Ordinal);
        Assert.NotEqual(before.Hash, after.Hash);
    }

    [Fact]
    public async Task Fingerprint_TwoReadingsWithNothingBetween_AreEqual()
    {
        var first = await target.FingerprintAsync();
        var second = await target.FingerprintAsync();

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(5, first.Parts.Count);
    }

    [Fact]
    public async Task RefusesAsync_AnswerEchoingASecret_Fails()
    {
        // A canary registered as a secret, then echoed back as a key's name: the leak check must trip
        // before anything else is looked at.
        var canary = target.Secrets.Add("canary-" + Guid.NewGuid().ToString("N"));

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => target.RefusesAsync(HttpStatusCode.BadRequest,
            () => target.Operator.Post("/api/v1/keys", new { role = "viewer", name = canary })));

        Assert.Contains("carries a secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertAbsent_LogLineWithTheAdminToken_FailsWithoutRepeatingIt()
    {
        var failure = Assert.ThrowsAny<XunitException>(() =>
            target.Secrets.AssertAbsent($"info: request with Bearer {EmbeddedController.AdminToken}", "a log"));

        Assert.DoesNotContain(EmbeddedController.AdminToken, failure.Message, StringComparison.Ordinal);
    }
}
