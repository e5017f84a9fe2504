using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Grains.Pools;

public sealed partial class QuotaPoolGrain
{
    private void EnsureSweep()
    {
        if (_sweep is null && _unconfirmed.Count > 0)
        {
            _sweep = this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_options.SweepInterval, _options.SweepInterval)
            {
                Interleave = true,
            });
        }
    }

    public Task Confirm(string allocationId)
    {
        if (_unconfirmed.Remove(allocationId))
        {
            _changeNumbers.Remove(allocationId);
            MarkConfirmed(allocationId);
            _writer.Schedule(); // nobody waits: a confirmation lost in a crash only means the pool asks later
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Asks the allocation behind every old unconfirmed reservation whether it holds it, and drops
    /// the ones it does not: what a crash between two steps of a request left behind. The allocation
    /// grain answers only after any request it is still working on has finished.
    /// </summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = _time.GetUtcNow() - _options.ConfirmAfter;
        var due = _unconfirmed.Where(u => u.Value <= cutoff).Select(u => u.Key).ToList();
        var changed = false;
        foreach (var allocationId in due)
        {
            var asked = _changeNumbers.GetValueOrDefault(allocationId);
            var holds = await GrainFactory.GetGrain<IAllocationGrain>(allocationId).HoldsReservation(PoolId);
            if (_changeNumbers.GetValueOrDefault(allocationId) != asked || !_unconfirmed.ContainsKey(allocationId))
            {
                continue; // changed while we asked: the newer change will be confirmed on its own
            }

            if (!holds)
            {
                _ledger.TrySet(PoolId, allocationId, ResourceVector.Zero, _limits);
            }

            _unconfirmed.Remove(allocationId);
            _changeNumbers.Remove(allocationId);
            MarkConfirmed(allocationId);
            changed = true;
        }

        if (changed)
        {
            await _writer.WhenDurable();
        }

        if (_unconfirmed.Count == 0)
        {
            _sweep?.Dispose();
            _sweep = null;
        }
    }

    /// <summary>Queues the entry's row without its unconfirmed mark (or its deletion, when nothing is held).</summary>
    private void MarkConfirmed(string allocationId) =>
        _rows.Changed(allocationId, _ledger.Entries.TryGetValue(allocationId, out var kept) ? EntryRow.From(kept, null) : null);
}
