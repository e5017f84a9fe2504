using CloudMgmt.Domain.Quota;
using CloudMgmt.Domain.Resources;
using CloudMgmt.Domain.Tests.Support;

namespace CloudMgmt.Domain.Tests.Quota;

public sealed class PoolLedgerTests
{
    // Guaranteed 6, may hold 4 more in the parent.
    private static readonly PoolLimits Limits = new(Vec.Cpu(10), Vec.Cpu(6), Vec.Cpu(4));

    [Fact]
    public void TrySet_WithinGuaranteed_NothingSpills()
    {
        var ledger = new PoolLedger();

        var result = ledger.TrySet("pool", "a", Vec.Cpu(5), Limits);

        Assert.True(result.Accepted);
        Assert.True(result.Spill.IsZero);
        Assert.Equal(Vec.Cpu(5), ledger.LocalUsed);
        Assert.Equal(Vec.Cpu(5), ledger.Reserved);
    }

    [Fact]
    public void TrySet_PastGuaranteed_SpillsTheRest()
    {
        var ledger = new PoolLedger();
        ledger.TrySet("pool", "a", Vec.Cpu(5), Limits);

        var result = ledger.TrySet("pool", "b", Vec.Cpu(3), Limits);

        Assert.Equal(Vec.Cpu(2), result.Spill);
        Assert.Equal(new LedgerEntry(Vec.Cpu(1), Vec.Cpu(2)), ledger.Entries["b"]);
        Assert.Equal(Vec.Cpu(6), ledger.LocalUsed);
        Assert.Equal(Vec.Cpu(2), ledger.Spilled);
    }

    [Fact]
    public void TrySet_SameAmountAgain_IdempotentWithSameSpill()
    {
        var ledger = new PoolLedger();
        var first = ledger.TrySet("pool", "a", Vec.Cpu(8), Limits);

        var second = ledger.TrySet("pool", "a", Vec.Cpu(8), Limits);

        Assert.Equal(first.Spill, second.Spill);
        Assert.Equal(Vec.Cpu(6), ledger.LocalUsed);
        Assert.Equal(Vec.Cpu(2), ledger.Spilled);
    }

    [Fact]
    public void TrySet_PastSpillCap_RefusedAndUnchanged()
    {
        var ledger = new PoolLedger();
        ledger.TrySet("pool", "a", Vec.Cpu(7), Limits);

        var result = ledger.TrySet("pool", "b", Vec.Cpu(4), Limits);

        Assert.False(result.Accepted);
        Assert.Equal(new Shortfall("pool", ResourceNames.Vcpu, 4, 3), Assert.Single(result.Shortfalls));
        Assert.Equal(["a"], ledger.Entries.Keys);
        Assert.Equal(Vec.Cpu(6), ledger.LocalUsed);
        Assert.Equal(Vec.Cpu(1), ledger.Spilled);
    }

    [Fact]
    public void Evaluate_AnyAmount_ChangesNothing()
    {
        var ledger = new PoolLedger();
        ledger.TrySet("pool", "a", Vec.Cpu(3), Limits);

        Assert.True(ledger.Evaluate("pool", "b", Vec.Cpu(7), Limits).Accepted);
        Assert.False(ledger.Evaluate("pool", "b", Vec.Cpu(8), Limits).Accepted);
        Assert.Equal(["a"], ledger.Entries.Keys);
        Assert.Equal(Vec.Cpu(3), ledger.Reserved);
    }

    [Fact]
    public void TrySet_Zero_RemovesTheEntry()
    {
        var ledger = new PoolLedger();
        ledger.TrySet("pool", "a", Vec.Cpu(9), Limits);

        Assert.True(ledger.TrySet("pool", "a", ResourceVector.Zero, Limits).Accepted);
        Assert.Empty(ledger.Entries);
        Assert.True(ledger.Reserved.IsZero);
    }

    [Fact]
    public void TrySet_ShrinkAfterLimitsWereCut_StillAccepted()
    {
        var ledger = new PoolLedger();
        ledger.TrySet("pool", "a", Vec.Cpu(10), Limits);
        var cut = new PoolLimits(Vec.Cpu(2), Vec.Cpu(1), Vec.Cpu(1));
        Assert.False(ledger.FitsLimits(cut));

        var result = ledger.TrySet("pool", "a", Vec.Cpu(5), cut);

        Assert.True(result.Accepted);
        Assert.Equal(new LedgerEntry(Vec.Cpu(5), ResourceVector.Zero), ledger.Entries["a"]);
    }

    [Fact]
    public void FitsLimits_WithinAndBeyond_Answers()
    {
        var ledger = PoolLedger.FromEntries([new("a", new LedgerEntry(Vec.Cpu(6), Vec.Cpu(4)))]);

        Assert.True(ledger.FitsLimits(Limits));
        Assert.False(ledger.FitsLimits(Limits with { Guaranteed = Vec.Cpu(5) }));
        Assert.False(ledger.FitsLimits(Limits with { SpillCap = Vec.Cpu(3) }));
    }

    [Fact]
    public void FromEntries_Totals_AreTheSums()
    {
        var ledger = PoolLedger.FromEntries([
            new("a", new LedgerEntry(Vec.Cpu(2), Vec.Cpu(1))),
            new("b", new LedgerEntry(Vec.CpuMem(1, 4), ResourceVector.Zero)),
        ]);

        Assert.Equal(Vec.CpuMem(3, 4), ledger.LocalUsed);
        Assert.Equal(Vec.Cpu(1), ledger.Spilled);
        Assert.Equal(Vec.CpuMem(4, 4), ledger.Reserved);
    }
}
