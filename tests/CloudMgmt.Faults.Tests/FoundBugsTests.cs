using CloudMgmt.Faults.Tests.Infrastructure;
using CloudMgmt.Faults.Tests.Model;

namespace CloudMgmt.Faults.Tests;

/// <summary>
/// The seeds on which the suite found a bug, kept so that each stays fixed. A seed means the run that
/// <see cref="Operations.Draw"/> makes of it today: changing the operation mix changes every seed, so
/// each case also says what the run did when it failed.
/// </summary>
public sealed class FoundBugsTests(FaultHostFixture fixture) : IClassFixture<FaultHostFixture>
{
    /// <summary>
    /// Seed 1: a create cut between its record and its placement (create/Place) stayed Admitted for
    /// good, holding quota (its pools had been confirmed, so nothing ever woke it). Now the pools are
    /// confirmed only after placement, and their question places it. The same seed then found a
    /// release cut after its quota returned (release/Commit) whose recovery did nothing.
    /// </summary>
    [Fact]
    public async Task Seed1_CreateCutBeforePlacementAndReleaseCutBeforeCommit_RecoverToPlacedAndReleased() =>
        Assert.True(await Run.SeedAsync(fixture.Host, 1) > 0);

    /// <summary>
    /// Seed 2: a mixed elastic resize cut after the cloud held the new size (resize/ShrinkPath) left
    /// the cloud granting the target while the allocation rolled back, and the reconciler, confirming
    /// a grant applied before the rollback, marked the rolled-back row as done (issue 22's first bug).
    /// </summary>
    [Fact]
    public async Task Seed2_ResizeCutAfterTheCloudHeldTheNewSize_CloudGrantsTheRecoveredSize() =>
        Assert.True(await Run.SeedAsync(fixture.Host, 2) > 0);
}
