using System.Collections.Immutable;
using CloudMgmt.Domain.Allocations;
using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Grains.Clouds;
using CloudMgmt.Grains.Faults;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Grains.Pools;
using CloudMgmt.Policies;
using CloudMgmt.Grains.Tenants;

namespace CloudMgmt.Grains.Allocations;

/// <summary>
/// Owns one allocation's lifecycle; its reservation along the pool path is one chained call to the
/// leaf pool (<see cref="IQuotaPoolGrain.SetAlong"/>, which runs <see cref="PathReservation"/> level
/// by level). Not reentrant: a pool asking whether this allocation holds a reservation waits until
/// the request in progress has finished, and so always gets a settled answer.
/// A new request is written once, after every pool has accepted it; a refused one writes nothing.
/// </summary>
public sealed partial class AllocationGrain(
    [PersistentState("allocation")] IPersistentState<AllocationState> state, TimeProvider time, PlacementPolicySource policy,
    ICrashPoints crashPoints)
    : Grain, IAllocationGrain, IIncomingGrainCallFilter
{
    private bool _indexed;

    private AllocationState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && LegacyPlacementJson.IsLegacy(S.Placement))
        {
            S.Placement = LegacyPlacementJson.Upgrade(S.Placement!); // kept from now on, written with the next change
        }

        if (state.RecordExists && PlacementCandidates.IsCompleteTable(S.Placement))
        {
            S.Placement = PlacementCandidates.Bound(S.Placement!); // stored before decisions were bounded; likewise
        }

        if (state.RecordExists && S.Work != PendingWork.None)
        {
            await FinishInterruptedWorkAsync();
        }

        if (state.RecordExists && S.Status == AllocationStatus.Admitted)
        {
            // Admitted and not placed: a crash came between its record and its placement (with no
            // cloud registered this finds nothing and changes nothing). Its pools were not confirmed
            // yet, so they ask about it after Reservations:ConfirmAfter, which brings it here.
            await ReleaseStaleHoldsAsync();
            await PlaceAsync(Actors.Reconciler);
        }
    }

    /// <summary>
    /// A call that failed midway (a pool or cloud grain lost with its silo, a storage error) may
    /// leave this activation's state ahead of what is stored, or an admitted allocation unplaced:
    /// only a new activation places it (<see cref="OnActivateAsync"/>), and a live one was never
    /// asked again (an allocation stayed Admitted through a silo's loss, with its pools confirmed).
    /// So a failed call ends the activation, and the next call starts from the stored record.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<Outcome<AllocationView>> Submit(AllocationRequest request)
    {
        if (state.RecordExists)
        {
            if (!string.Equals(S.RequestHash, request.RequestHash, StringComparison.Ordinal)
                && !string.Equals(S.RequestHash, request.FormerHash, StringComparison.Ordinal))
            {
                return Failure.Conflict("this idempotency key was already used for a different request; use a new key");
            }

            // A retry may follow a crash between our record and the tenant's index: index again
            // (idempotent) so that what the retry is told exists is also listed.
            await IndexAsync();
            return View() with { Replayed = true };
        }

        var path = await GrainFactory.GetGrain<ICatalogGrain>(CatalogGrain.Key).ResolveTenantPath(request.Tenant);
        if (!path.Succeeded)
        {
            DeactivateOnIdle(); // refused: nothing recorded, nothing to keep in memory
            return path.Failure!;
        }

        var pools = path.Value!.PoolIds;
        // Where it would go is decided before anything is charged: a request no cloud can hold is
        // refused with every cloud's verdicts, and leaves no record, reservation or charge behind.
        var decided = await DecideAsync(request.Tenant, pools, request.Resources, request.Constraints);
        if (decided is { Placed: false })
        {
            DeactivateOnIdle();
            return Unplaceable(decided);
        }

        var outcome = await SetAlongAsync(pools, request.Resources, 0);
        if (!outcome.Accepted)
        {
            DeactivateOnIdle();
            return new Failure(FailureKind.QuotaExceeded,
                "the request does not fit: " + string.Join("; ", outcome.Shortfalls), "resources", outcome.Shortfalls);
        }

        var reasons = ApprovalRule.Reasons(request.Resources, pools.Zip(path.Value.Thresholds));
        crashPoints.Reached(new CrashPoint("create", "Record", Id));
        FillNew(request, pools, outcome.Reach, reasons, time.GetUtcNow());
        // Pools first (durable when SetAlong returns): an allocation on disk must never claim quota its
        // pools could lose in a crash. The index may lag our record: a crash before both are written
        // leaves the pools unconfirmed, and their question (HoldsReservation) repairs the index.
        await Task.WhenAll(state.WriteStateAsync(), IndexAsync());
        if (S.Status == AllocationStatus.Admitted)
        {
            crashPoints.Reached(new CrashPoint("create", "Place", Id));
            await PlaceAsync(request.By, decided);
        }

        // Confirmed only once placed (or failed): a crash before leaves the pools unconfirmed, and
        // their question wakes this allocation, which then places itself (OnActivateAsync).
        crashPoints.Reached(new CrashPoint("create", "Confirm", Id));
        ConfirmPools();
        crashPoints.Reached(new CrashPoint("create", "done", Id));
        DeactivateUnlessReconciling();
        return View();
    }

    /// <summary>
    /// Leaves memory once this request is done, unless the reconciler is about to call (a grant to
    /// make, change or remove). Most allocations are then not touched for a long time, and a settled
    /// one is woken with one point read; hundreds of thousands of idle activations, kept for Orleans'
    /// default collection age, made every garbage collection slower (bench/README.md).
    /// </summary>
    private void DeactivateUnlessReconciling()
    {
        if (!AllocationLifecycle.AwaitsReconciler(S.Status))
        {
            DeactivateOnIdle();
        }
    }

    public Task<AllocationView?> Get() => Task.FromResult(Missing() is null ? View() : null);

    public async Task<bool> HoldsReservation(string poolId)
    {
        if (!state.RecordExists || !AllocationLifecycle.HoldsQuota(S.Status))
        {
            return false;
        }

        if (!_indexed)
        {
            await IndexAsync(); // repairs the tenant index if a crash came between our write and its
        }

        var level = S.Path.IndexOf(poolId);
        DeactivateUnlessReconciling(); // woken only to answer a pool's sweep
        return level >= 0 && level < S.Reach;
    }

    /// <summary>
    /// Changes this allocation's reservation along <paramref name="pools"/> with one call to the leaf
    /// pool, which passes it up (<see cref="IQuotaPoolGrain.SetAlong"/>). Durable when it returns.
    /// </summary>
    private async Task<PathOutcome> SetAlongAsync(IReadOnlyList<string> pools, ResourceVector amount, int previousReach)
    {
        if (amount.IsZero && previousReach == 0)
        {
            return new PathOutcome(true, [], 0); // nothing held, nothing asked for
        }

        var path = pools.ToImmutableArray();
        return await GrainFactory.GetGrain<IQuotaPoolGrain>(path[0]).SetAlong(Id, amount, path, 0, previousReach);
    }

    /// <summary>
    /// Shrinks to <paramref name="amount"/> (no more than held, in every resource) on every level of
    /// the path, whatever reach was recorded: used for release and for finishing interrupted work.
    /// </summary>
    private async Task<int> ShrinkAlongAsync(ResourceVector amount)
    {
        var outcome = await SetAlongAsync(S.Path, amount, S.Path.Count);
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException($"A shrink was refused: {string.Join("; ", outcome.Shortfalls)}. This is a bug.");
        }

        return outcome.Reach;
    }

    /// <summary>
    /// Tells the pools on the path that their entries for this allocation are as it holds them, so
    /// that they do not ask later. One-way (completes when sent): a confirmation a crash loses only
    /// means the pool asks after Reservations:ConfirmAfter.
    /// </summary>
    private void ConfirmPools()
    {
        if (!AllocationLifecycle.HoldsQuota(S.Status))
        {
            return; // its entries are gone
        }

        foreach (var pool in S.Path.Take(S.Reach))
        {
            _ = GrainFactory.GetGrain<IQuotaPoolGrain>(pool).Confirm(Id);
        }
    }

    private void FillNew(AllocationRequest request, IReadOnlyList<string> pools, int reach, IReadOnlyList<ApprovalReason> reasons, DateTimeOffset now)
    {
        S.Tenant = request.Tenant;
        S.Path = [.. pools];
        S.Resources = VectorState.Save(request.Resources);
        S.Reach = reach;
        S.Constraints = request.Constraints is null ? [] : new Dictionary<string, string>(request.Constraints, StringComparer.Ordinal);
        S.Priority = request.Priority;
        S.RequestHash = request.RequestHash;
        S.ApprovalReasons = reasons.Select(r => new ApprovalReasonState
        {
            PoolId = r.PoolId, Resource = r.Resource, Requested = r.Requested, Threshold = r.Threshold,
        }).ToList();
        S.CreatedAt = now;
        AddEvent(AllocationStatus.Pending, $"requested {request.Resources} for tenant '{request.Tenant}'", request.By);
        if (reasons.Count > 0)
        {
            Move(AllocationStatus.PendingApproval, "quota reserved; waiting for approval: " + string.Join("; ", reasons), request.By);
        }
        else
        {
            Move(AllocationStatus.Admitted, $"admitted through {string.Join(" > ", pools)}", request.By);
        }
    }

    private void Move(AllocationStatus to, string message, string? by)
    {
        if (AllocationLifecycle.WhyNot(S.Status, to) is { } why)
        {
            throw new InvalidOperationException(why);
        }

        S.Status = to;
        AddEvent(to, message, by);
    }

    private void AddEvent(AllocationStatus status, string message, string? by)
    {
        var now = time.GetUtcNow();
        S.History.Add(new EventState { At = now, Status = status, Message = message, By = by });
        S.UpdatedAt = now;
    }

    private async Task IndexAsync()
    {
        await GrainFactory.GetGrain<ITenantGrain>(S.Tenant).Record(new AllocationSummary(
            Id, S.Tenant, S.Status, VectorState.Load(S.Resources), S.Priority, S.CreatedAt, S.UpdatedAt));
        _indexed = true;
    }
}
