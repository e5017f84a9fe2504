using CloudMgmt.Cli.Tests.Infrastructure;

namespace CloudMgmt.Cli.Tests;

/// <summary>
/// The tables an operator reads, against golden files: a controller of its own, seeded the same way every
/// time (a province with two cities, departments with Chinese names, allocations made Ready with idempotency
/// keys, so even their ids are the same every run), at a fixed
/// terminal width, and at a narrow one to show how columns are cut to fit.
/// </summary>
public sealed class GoldenTableTests(GoldenTableTests.Seeded seeded) : IClassFixture<GoldenTableTests.Seeded>
{
    [Theory]
    [InlineData("pools-tree", 100, "pools", "tree")]
    [InlineData("pools-list", 120, "pools", "list")]
    [InlineData("pools-list-narrow", 60, "pools", "list")]
    [InlineData("tenants-list", 100, "tenants", "list")]
    [InlineData("alloc-list", 100, "alloc", "list")]
    [InlineData("approvals-list", 100, "approvals", "list")]
    [InlineData("clouds-list", 120, "clouds", "list")]
    [InlineData("alloc-dry-run", 120, "alloc", "request", "--tenant", "wuhu-data", "--vcpu", "20", "--dry-run")]
    public async Task Table_SeededState_MatchesTheGoldenFile(string golden, int columns, params string[] args)
    {
        seeded.Cmctl.Environment["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await seeded.Cmctl.RunAsync(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Golden.Match(golden, run.Out);
    }

    public sealed class Seeded : CliController
    {
        public Cmctl Cmctl { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Cmctl = Operator();
            foreach (var command in new[]
            {
                "pools create anhui --display-name 安徽省 --quota vcpu=256,memoryGiB=1024",
                "pools create hefei --parent anhui --display-name 合肥市 --quota vcpu=128,memoryGiB=512 --borrowing-limit vcpu=16 --approval-threshold vcpu=32",
                "pools create hefei-health --parent hefei --display-name 合肥市卫生健康委员会 --quota vcpu=64,memoryGiB=256",
                "pools create wuhu --parent anhui --display-name 芜湖市 --quota vcpu=32,memoryGiB=128",
                "tenants create health-commission --pool hefei-health --display-name 卫健委",
                "tenants create wuhu-data --pool wuhu --display-name 芜湖市数据资源局",
                "alloc request --tenant health-commission --vcpu 16 --memory 64 --constraint xinchuang=true --idempotency-key plan-2026-01 --wait Ready",
                "alloc request --tenant wuhu-data --vcpu 8 --memory 32 --constraint xinchuang=false --idempotency-key plan-2026-02 --wait Ready",
                "alloc request --tenant health-commission --vcpu 48 --memory 96 --constraint xinchuang=true --idempotency-key plan-2026-03",
                "clouds reconcile province-x86", // a fresh inventory, so GRANTS does not depend on when the schedule ran
                "clouds reconcile xinchuang-arm",
            })
            {
                var run = await Cmctl.RunAsync(command.Split(' '));
                Assert.True(run.ExitCode == 0, run.ToString());
            }
        }

        public override async Task DisposeAsync()
        {
            Cmctl.Dispose();
            await base.DisposeAsync();
        }
    }
}
