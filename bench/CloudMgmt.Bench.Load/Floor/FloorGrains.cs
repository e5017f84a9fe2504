using Orleans.Concurrency;

namespace CloudMgmt.Bench.Load.Floor;

/// <summary>A request grain with no state: what a bare activation and one call cost.</summary>
public interface IFloorBareGrain : IGrainWithStringKey
{
    Task<bool> Submit();
}

/// <summary>A request grain with state: the shape of an allocation grain with none of its logic.</summary>
public interface IFloorRequestGrain : IGrainWithStringKey
{
    Task<bool> Submit(int hops, bool write, bool deactivate);
}

/// <summary>Stands for a pool: reentrant, one of 64, keeps a counter.</summary>
public interface IFloorPoolGrain : IGrainWithStringKey
{
    Task<bool> Take(string id);
}

[GenerateSerializer]
public sealed class FloorState
{
    [Id(0)] public string Tenant { get; set; } = "";
    [Id(1)] public long Amount { get; set; }
}

internal sealed class FloorBareGrain : Grain, IFloorBareGrain
{
    public Task<bool> Submit() => Task.FromResult(true);
}

internal sealed class FloorRequestGrain([PersistentState("floor")] IPersistentState<FloorState> state) : Grain, IFloorRequestGrain
{
    public async Task<bool> Submit(int hops, bool write, bool deactivate)
    {
        var key = this.GetPrimaryKeyString();
        for (var i = 0; i < hops; i++)
        {
            await GrainFactory.GetGrain<IFloorPoolGrain>("p" + ((key.Length + i) % 64)).Take(key);
        }

        if (write)
        {
            (state.State.Tenant, state.State.Amount) = (key, 1);
            await state.WriteStateAsync();
        }

        if (deactivate)
        {
            DeactivateOnIdle(); // as an allocation does once nothing is left for the reconciler
        }

        return true;
    }
}

[Reentrant]
internal sealed class FloorPoolGrain : Grain, IFloorPoolGrain
{
    private long _taken;

    public Task<bool> Take(string id)
    {
        _taken++;
        return Task.FromResult(_taken > 0);
    }
}
