using CloudMgmt.Domain.Tests.Support;
using CsCheck;

namespace CloudMgmt.Domain.Tests.Quota;

/// <summary>
/// Random trees of depth 1–5 over 2–3 resources, random reserve / resize / release sequences on
/// leaf and inner pools; <see cref="ScenarioRunner"/> checks the invariants after every step.
/// </summary>
public sealed class QuotaTreeProperties
{
    private const int Iterations = 4_000;

    [Fact]
    public void Set_RandomOperations_InvariantsHoldAndReleaseEmptiesEveryLedger() =>
        QuotaGen.Scenario(maxOps: 40).Sample(scenario =>
        {
            var runner = new ScenarioRunner(scenario, strictRefusals: false);
            runner.RunAll();
            runner.ReleaseAll();
            Assert.True(LedgerSnapshot.AllEmpty(runner.Tree), LedgerSnapshot.Of(runner.Tree));
        }, iter: Iterations, print: s => s.ToString());

    [Fact]
    public void Set_RandomOperations_RefusedResizeChangesNoLedger() =>
        QuotaGen.Scenario(maxOps: 40).Sample(scenario =>
        {
            var runner = new ScenarioRunner(scenario, strictRefusals: true);
            runner.RunAll();
        }, iter: Iterations, print: s => s.ToString());

    [Fact]
    public void Set_AcceptedThenReleased_RestoresEveryLedgerExactly() =>
        Gen.Select(QuotaGen.Scenario(maxOps: 30), QuotaGen.Op).Sample((scenario, request) =>
        {
            var runner = new ScenarioRunner(scenario, strictRefusals: false);
            runner.RunAll();
            var before = LedgerSnapshot.Of(runner.Tree);
            var pool = scenario.Pools[request.Pool % scenario.Pools.Length].Id;

            var accepted = runner.Set(pool, "probe", scenario.Vector(request.Amount));
            if (accepted)
            {
                runner.CheckInvariants();
                runner.Release("probe");
            }

            Assert.Equal(before, LedgerSnapshot.Of(runner.Tree));
        }, iter: Iterations, print: t => $"{t.Item1}  then reserve on pool#{t.Item2.Pool}: {t.Item1.Vector(t.Item2.Amount)}");
}
