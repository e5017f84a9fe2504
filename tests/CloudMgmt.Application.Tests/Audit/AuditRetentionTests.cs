using CloudMgmt.Application.Audit;
using CloudMgmt.Domain.Audit;
using CloudMgmt.Grains.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Application.Tests.Audit;

public sealed class AuditRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Remembers what it was asked; prunes a fixed number when there is anything before the cutoff.</summary>
    private sealed class Store(long toPrune) : IAuditStore
    {
        public List<DateTimeOffset> Cutoffs { get; } = [];

        public List<AuditEntry> Appended { get; } = [];

        public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
        {
            Appended.Add(entry);
            return Task.FromResult((long)Appended.Count);
        }

        public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
        {
            Cutoffs.Add(before);
            return Task.FromResult(toPrune);
        }

        public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static AuditRetention Retention(Store store, int days)
    {
        var clock = new FakeTimeProvider(Now);
        return new AuditRetention(store, new AuditTrail(store, clock), clock, Options.Create(new AuditOptions { RetentionDays = days }),
            NullLogger<AuditRetention>.Instance);
    }

    [Fact]
    public async Task PruneOnce_DefaultRetention_CutsAt180DaysAndRecordsWhatItDid()
    {
        var store = new Store(toPrune: 42);

        var deleted = await Retention(store, new AuditOptions().RetentionDays).PruneOnceAsync(CancellationToken.None);

        Assert.Equal(42, deleted);
        Assert.Equal([Now.AddDays(-180)], store.Cutoffs);
        var record = Assert.Single(store.Appended);
        Assert.Equal("audit.prune", record.Action);
        Assert.Equal("system:retention", record.Actor.Ref);
        Assert.Contains("42 records", record.Detail);
    }

    [Fact]
    public async Task PruneOnce_NothingOld_RecordsNothing()
    {
        var store = new Store(toPrune: 0);

        await Retention(store, 30).PruneOnceAsync(CancellationToken.None);

        Assert.Equal([Now.AddDays(-30)], store.Cutoffs);
        Assert.Empty(store.Appended);
    }
}
