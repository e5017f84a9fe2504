using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Persistence;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CloudMgmt.Grains.Pools;

/// <summary>
/// One pool's ledger. Reentrant so that requests queue on the disk write, not on each other: every
/// decision runs to completion on the grain's single thread before the next one starts (the
/// ledger is never touched across an await), and callers then share one coalesced write.
/// </summary>
[Reentrant]
public sealed partial class QuotaPoolGrain : Grain, IQuotaPoolGrain
{
    private readonly IPersistentState<PoolState> _state;
    private readonly TimeProvider _time;
    private readonly ReservationOptions _options;
    private readonly CoalescingWriter _writer;
    private readonly Dictionary<string, long> _changeNumbers = new(StringComparer.Ordinal);
    private PoolLedger _ledger = new();
    private PoolLimits _limits = PoolLimits.None;
    private IGrainTimer? _sweep;
    private long _changeCounter;

    public QuotaPoolGrain(
        [PersistentState("pool")] IPersistentState<PoolState> state, TimeProvider time, IOptions<ReservationOptions> options)
    {
        _state = state;
        _time = time;
        _options = options.Value;
        _writer = new CoalescingWriter(() => _state.WriteStateAsync());
    }

    private string PoolId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ledger = _state.State.LoadLedger();
        _limits = _state.State.LoadLimits();
        EnsureSweep();
        return Task.CompletedTask;
    }

    public async Task<LedgerResult> Set(string allocationId, ResourceVector amount)
    {
        var before = _ledger.Entries.GetValueOrDefault(allocationId);
        var result = _ledger.TrySet(PoolId, allocationId, amount, _limits);
        if (!result.Accepted || Equals(before, _ledger.Entries.GetValueOrDefault(allocationId)))
        {
            return result; // refused, or nothing changed (a retry, or a release where nothing is held)
        }

        RecordEntry(allocationId);
        await _writer.WhenDurable();
        return result;
    }

    public async Task Restore(string allocationId, LedgerEntry? previous)
    {
        _ledger.Restore(allocationId, previous);
        RecordEntry(allocationId);
        await _writer.WhenDurable();
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
        await _writer.WhenDurable();
        return null;
    }

    public Task<PoolUsage> GetUsage()
    {
        var reserved = _ledger.Reserved;
        return Task.FromResult(new PoolUsage(_limits, reserved, reserved.SaturatingSubtract(_limits.SubtreeQuota), _ledger.Entries.Count));
    }

    public Task Wake() => Task.CompletedTask;

    private void RecordEntry(string allocationId)
    {
        if (_ledger.Entries.TryGetValue(allocationId, out var entry))
        {
            _state.State.Entries[allocationId] = EntryState.From(entry);
            _state.State.Unconfirmed[allocationId] = _time.GetUtcNow();
            _changeNumbers[allocationId] = ++_changeCounter;
            EnsureSweep();
        }
        else
        {
            _state.State.Entries.Remove(allocationId);
            _state.State.Unconfirmed.Remove(allocationId);
            _changeNumbers.Remove(allocationId);
        }
    }
}
