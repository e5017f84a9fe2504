using CloudMgmt.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Adapters.Sandbox.Tests;

/// <summary>
/// A sandbox cloud kept in a file is one cloud for every controller process that names the file
/// (the silos of a cluster): each sees what the others made, no change is lost when they call at once,
/// and no object id is given out twice. Two <see cref="SandboxCloud"/>s in one process stand in for
/// two processes: the file lock does not know the difference.
/// </summary>
public sealed class SandboxStateFileTests : IDisposable
{
    private static readonly TenantRef Tenant = new("health", "hefei");
    private readonly FakeTimeProvider _time = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("cloudmgmt-sandbox-file-").FullName;

    private string StateFile => Path.Combine(_dir, "cloud.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SandboxAdapter Silo(SandboxOptions? options = null)
    {
        var cloud = new SandboxCloud(options ?? SandboxPresets.ProvinceX86(), _time);
        cloud.KeepStateIn(StateFile);
        return new SandboxAdapter(cloud, _time);
    }

    private static GrantSpec Spec(string id, long vcpu) => new(new GrantRef(id, Tenant), ResourceVector.Of(vcpu, vcpu * 2), null, new Dictionary<string, string>());

    [Fact]
    public async Task Grants_TwoCloudsOnOneFile_EachSeesWhatTheOtherMadeChangedAndRemoved()
    {
        var (a, b) = (Silo(), Silo());

        var made = (await a.ApplyGrantAsync(Spec("x", 4), default)).Unwrap();
        var seenByB = (await b.ObserveGrantAsync(new GrantRef("x", Tenant), default)).Unwrap();
        (await b.ResizeGrantAsync(Spec("x", 6), default)).Unwrap();
        var resizedSeenByA = (await a.ObserveGrantAsync(new GrantRef("x", Tenant), default)).Unwrap();
        await b.ReleaseGrantAsync(new GrantRef("x", Tenant), default);

        Assert.Equal(made.ExternalId, seenByB.ExternalId);
        Assert.Equal(ResourceVector.Of(6, 12), resizedSeenByA.Granted);
        Assert.Empty((await a.ListGrantsAsync(default)).Unwrap());
    }

    [Fact]
    public async Task ApplyGrant_TwoCloudsOnOneFileAtOnce_NoGrantLostAndNoIdGivenTwice()
    {
        var (a, b) = (Silo(), Silo());

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 100; i++) { (await a.ApplyGrantAsync(Spec($"a{i}", 1), default)).Unwrap(); } }),
            Task.Run(async () => { for (var i = 0; i < 100; i++) { (await b.ApplyGrantAsync(Spec($"b{i}", 1), default)).Unwrap(); } }));

        var listed = (await Silo().ListGrantsAsync(default)).Unwrap();
        Assert.Equal(200, listed.Count);
        Assert.Equal(200, listed.Select(g => g.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task ApplyGrant_AfterTheNewestWasReleasedByAnother_GetsAnIdNeverGivenBefore()
    {
        var (a, b) = (Silo(), Silo());
        var first = (await a.ApplyGrantAsync(Spec("first", 1), default)).Unwrap();
        await b.ReleaseGrantAsync(new GrantRef("first", Tenant), default);

        var second = (await b.ApplyGrantAsync(Spec("second", 1), default)).Unwrap();

        Assert.NotEqual(first.ExternalId, second.ExternalId);
    }

    [Fact]
    public async Task ApplyGrant_RoomTakenByTheOther_IsRefused()
    {
        var small = SandboxPresets.ProvinceX86() with { Zones = [new SandboxZone("only", "x86_64", ResourceVector.Of(10, 100))] };
        var (a, b) = (Silo(small), Silo(small));
        (await a.ApplyGrantAsync(Spec("a", 8), default)).Unwrap();

        var refused = await b.ApplyGrantAsync(Spec("b", 4), default);

        Assert.Equal(AdapterErrorKind.InsufficientCapacity, refused.Error?.Kind);
    }
}
