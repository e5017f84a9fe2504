using System.Collections.Immutable;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace CloudMgmt.Grains.Pools;

/// <summary>
/// One pool's ledger. Reentrant so that requests queue on the disk write, not on each other: every
/// decision runs to completion on the grain's single thread before the next one starts (the
/// ledger is never touched across an await), and callers then share one coalesced write of just
/// the rows they changed.
/// </summary>
[Reentrant]
public sealed partial class QuotaPoolGrain : Grain, IQuotaPoolGrain
{
    private readonly IPersistentState<PoolState> _state;
    private readonly TimeProvider _time;
    private readonly ReservationOptions _options;
    private readonly CoalescingWriter _writer;
    private readonly LedgerRows<EntryRow> _rows;
    private readonly Dictionary<string, DateTimeOffset> _unconfirmed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _changeNumbers = new(StringComparer.Ordinal);
    private PoolLedger _ledger = new();
    private PoolLimits _limits = PoolLimits.None;
    private IGrainTimer? _sweep;
    private long _changeCounter;
    private bool _limitsChanged;

    public QuotaPoolGrain(
        [PersistentState("pool")] IPersistentState<PoolState> state, TimeProvider time, IOptions<ReservationOptions> options,
        ILedgerStore ledgers, Serializer serializer, IGrainContext context)
    {
        _state = state;
        _time = time;
        _options = options.Value;
        _rows = new LedgerRows<EntryRow>(ledgers, serializer, "pool/" + context.GrainId.Key);
        _writer = new CoalescingWriter(WriteAsync);
    }

    private string PoolId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var rows = await _rows.LoadAsync();
        _ledger = PoolLedger.FromEntries(rows.Select(r => new KeyValuePair<string, LedgerEntry>(r.Key, r.Value.Load())));
        foreach (var (id, row) in rows.Where(r => r.Value.UnconfirmedSince is not null))
        {
            _unconfirmed[id] = row.UnconfirmedSince!.Value;
        }

        _limits = _state.State.LoadLimits();
        EnsureSweep();
    }

    private LedgerResult Set(string allocationId, ResourceVector amount)
    {
        var before = _ledger.Entries.GetValueOrDefault(allocationId);
        var result = _ledger.TrySet(PoolId, allocationId, amount, _limits);
        if (!result.Accepted || Equals(before, _ledger.Entries.GetValueOrDefault(allocationId)))
        {
            return result; // refused, or nothing changed (a retry, or a release where nothing is held)
        }

        RecordEntry(allocationId);
        _writer.Schedule();
        return result;
    }

    public async Task<PathOutcome> SetAlong(
        string allocationId, ResourceVector amount, ImmutableArray<string> path, int level, int previousReach)
    {
        var outcome = await PathReservation.SetHereThenAboveAsync(amount, previousReach,
            a => ValueTask.FromResult(Set(allocationId, a)),
            previous =>
            {
                Restore(allocationId, previous);
                return ValueTask.CompletedTask;
            },
            level + 1 < path.Length
                ? (spill, reachAbove) => new ValueTask<PathOutcome>(
                    GrainFactory.GetGrain<IQuotaPoolGrain>(path[level + 1]).SetAlong(allocationId, spill, path, level + 1, reachAbove))
                : null);
        await _writer.Flush(); // our own write ran while the pools above decided
        return outcome;
    }

    private void Restore(string allocationId, LedgerEntry? previous)
    {
        _ledger.Restore(allocationId, previous);
        RecordEntry(allocationId);
        _writer.Schedule();
    }

    public Task<LedgerResult> Evaluate(string allocationId, ResourceVector amount) =>
        Task.FromResult(_ledger.Evaluate(PoolId, allocationId, amount, _limits));

    public async Task<Failure?> ApplyLimits(PoolLimits limits)
    {
        if (!_ledger.FitsLimits(limits))
        {
            return Failure.Conflict(
                $"pool '{PoolId}' holds {_ledger.Reserved}, which the new limits (ceiling {limits.Ceiling}) would not cover; " +
                "release or shrink allocations first");
        }

        _limits = limits;
        _state.State.SaveLimits(limits);
        _limitsChanged = true;
        await _writer.WhenDurable();
        return null;
    }

    public Task<PoolUsage> GetUsage()
    {
        var reserved = _ledger.Reserved;
        return Task.FromResult(new PoolUsage(_limits, reserved, reserved.SaturatingSubtract(_limits.SubtreeQuota), _ledger.Entries.Count, _unconfirmed.Count));
    }

    public Task Wake() => Task.CompletedTask;

    private async Task WriteAsync()
    {
        await _rows.FlushAsync();
        if (_limitsChanged)
        {
            _limitsChanged = false;
            await _state.WriteStateAsync();
        }
    }

    /// <summary>Queues the row of an entry that just changed, marked unconfirmed until its allocation confirms it.</summary>
    private void RecordEntry(string allocationId)
    {
        if (_ledger.Entries.TryGetValue(allocationId, out var entry))
        {
            var now = _time.GetUtcNow();
            _unconfirmed[allocationId] = now;
            _changeNumbers[allocationId] = ++_changeCounter;
            _rows.Changed(allocationId, EntryRow.From(entry, now));
            EnsureSweep();
        }
        else
        {
            _unconfirmed.Remove(allocationId);
            _changeNumbers.Remove(allocationId);
            _rows.Changed(allocationId, null);
        }
    }
}
