using System.Numerics;
using CloudMgmt.Domain.Metering;
using CloudMgmt.Grains.Persistence;
using CloudMgmt.Metering.Statements;
using CloudMgmt.Policies.Catalogue;

namespace CloudMgmt.Metering.Tests.Statements;

/// <summary>
/// The statement's arithmetic against an independent computation: random months of daily sums on
/// clouds whose service and prices are known by construction, priced here in whole micro-yuan and
/// fen with big integers (no decimal division anywhere), then compared line by line and total by total.
/// </summary>
public sealed class StatementArithmeticTests
{
    private static readonly MeteringMonth November = new(2026, 11);
    private static readonly DateOnly Change = new(2026, 11, 16);

    // x86 clouds are priced by VCPU-X86 (price changes on the 16th), the others by VCPU; memory by MEM; storage monthly by DISK.
    private static readonly ServiceCatalogue Catalogue = new("test", ChargeBasis.Granted,
    [
        Item("VCPU-X86", "vcpu", PriceUnit.Hour, new() { ["architecture"] = "x86_64" }, (new DateOnly(2026, 1, 1), 0.090123m), (Change, 0.085m)),
        Item("VCPU", "vcpu", PriceUnit.Hour, [], (new DateOnly(2026, 1, 1), 0.11m)),
        Item("MEM", "memoryGiB", PriceUnit.Hour, [], (new DateOnly(2026, 1, 1), 0.0125m)),
        Item("DISK", "storageGiB", PriceUnit.Month, [], (new DateOnly(2026, 1, 1), 0.35m)),
    ], new Dictionary<string, Budget>());

    private static readonly Dictionary<string, PricedCloud> Clouds = new()
    {
        ["x86-a"] = new(new Dictionary<string, string> { ["architecture"] = "x86_64" }, "anhui"),
        ["x86-b"] = new(new Dictionary<string, string> { ["architecture"] = "x86_64" }, "anhui"),
        ["arm"] = new(new Dictionary<string, string> { ["architecture"] = "aarch64" }, "anhui"),
    };

    private static readonly Dictionary<string, string?> Parents = new() { ["province"] = null, ["city"] = "province", ["p1"] = "city", ["p2"] = "city", ["p3"] = "province" };

    private static ServiceItem Item(string code, string resource, PriceUnit unit, Dictionary<string, string> match, params (DateOnly From, decimal Yuan)[] prices) =>
        new(code, code, code, resource, unit, match, prices.Select(p => new Price(p.From, p.Yuan)).ToList());

    /// <summary>What the test knows by construction: the service code and micro-yuan price for a cloud, resource and period.</summary>
    private static (string Code, BigInteger MicroYuan, long MsPerUnit) Known(string cloud, string resource, int period) => (cloud, resource) switch
    {
        (not "arm", "vcpu") => ("VCPU-X86", period == 0 ? 90_123 : 85_000, 3_600_000),
        ("arm", "vcpu") => ("VCPU", 110_000, 3_600_000),
        (_, "memoryGiB") => ("MEM", 12_500, 3_600_000),
        _ => ("DISK", 350_000, 30L * 24 * 3_600_000),
    };

    /// <summary>Half away from zero, to the fen, of num / den micro-yuan... in fen: (ms × micro) / (msPerUnit × 10^4).</summary>
    private static BigInteger Fen(BigInteger ms, BigInteger micro, long msPerUnit)
    {
        var num = ms * micro;
        var den = (BigInteger)msPerUnit * 10_000;
        return (2 * num + den) / (2 * den);
    }

    private static List<DaySum> RandomSums(int seed)
    {
        var random = new Random(seed);
        var tenants = Enumerable.Range(0, 12).Select(i => ($"t{i}", new[] { "p1", "p2", "p3", "city" }[i % 4])).ToList();
        var sums = new List<DaySum>();
        foreach (var (tenant, pool) in tenants)
        {
            foreach (var cloud in Clouds.Keys.Where(_ => random.Next(3) > 0))
            {
                foreach (var resource in new[] { "vcpu", "memoryGiB", "storageGiB" })
                {
                    for (var period = 0; period < 2; period++)
                    {
                        // Up to 500 units for up to 15 days, to the millisecond: sums that do not divide evenly.
                        var granted = random.NextInt64(0, 500L * 15 * 24 * 3_600_000);
                        sums.Add(new DaySum(period, cloud, tenant, pool, resource, granted, random.NextInt64(0, granted + 1), granted / 3));
                    }
                }
            }
        }

        return sums;
    }

    [Theory]
    [InlineData(20261116)]
    [InlineData(7)]
    [InlineData(424242)]
    public void Price_RandomMonth_MatchesTheIndependentComputationLineByLineAndTotalByTotal(int seed)
    {
        var sums = RandomSums(seed);

        var (departments, total) = StatementBuilder.Price(November, Catalogue, [November.FirstDay, Change], sums, Clouds, new Dictionary<string, string?>());
        var pools = PoolTotals.Of(departments, Parents);

        var expected = sums
            // A service's line runs as long as its own price: only VCPU-X86 has two in the month.
            .GroupBy(s => (Tenant: s.Tenant!, Pool: s.Pool!, Known(s.CloudId!, s.Resource, s.Bucket).Code, Period: Known(s.CloudId!, s.Resource, s.Bucket).Code == "VCPU-X86" ? s.Bucket : 0))
            .ToDictionary(g => g.Key, g =>
            {
                var (_, micro, perUnit) = Known(g.First().CloudId!, g.First().Resource, g.Key.Period);
                var ms = g.Aggregate(BigInteger.Zero, (sum, s) => sum + s.GrantedMs);
                return (Fen: Fen(ms, micro, perUnit), Ms: ms, PerUnit: perUnit);
            });
        var lines = departments.SelectMany(d => d.Lines.Select(l => (d.Tenant, d.Pool, l))).ToList();
        Assert.Equal(expected.Count, lines.Count);
        foreach (var (tenant, pool, line) in lines)
        {
            var e = expected[(tenant, pool, line.Code, line.From == Change ? 1 : 0)];
            Assert.Equal((decimal)e.Fen / 100, line.Amount);
            Assert.Equal(Math.Round((decimal)e.Ms / e.PerUnit, 6, MidpointRounding.AwayFromZero), line.GrantedQuantity);
        }

        var fenByTenant = expected.GroupBy(e => e.Key.Tenant).ToDictionary(g => g.Key, g => g.Aggregate(BigInteger.Zero, (s, e) => s + e.Value.Fen));
        Assert.All(departments, d => Assert.Equal((decimal)fenByTenant[d.Tenant] / 100, d.Total));
        Assert.Equal((decimal)fenByTenant.Values.Aggregate(BigInteger.Zero, (a, b) => a + b) / 100, total);

        var byPool = pools.ToDictionary(p => p.Pool);
        Assert.All(pools, p => Assert.Equal(departments.Where(d => d.Pool == p.Pool).Sum(d => d.Total), p.Total));
        Assert.All(pools, p => Assert.Equal(p.Lines.Sum(l => l.Amount), p.Total));
        Assert.Equal(byPool["city"].Total + byPool["p1"].SubtreeTotal + byPool["p2"].SubtreeTotal, byPool["city"].SubtreeTotal);
        Assert.Equal(total, byPool["province"].SubtreeTotal);
    }

    [Fact]
    public void Price_CloudNotRegistered_ShowsTheUsageWithoutAPrice()
    {
        var sums = new[] { new DaySum(0, "gone", "t1", "p1", "vcpu", 7_200_000, 0, 7_200_000) };

        var (departments, total) = StatementBuilder.Price(November, Catalogue, [November.FirstDay, Change], sums, Clouds, new Dictionary<string, string?>());

        var line = Assert.Single(Assert.Single(departments).Lines);
        Assert.Equal(("UNPRICED:vcpu", 2m, (decimal?)null, 0m), (line.Code, line.GrantedQuantity, line.UnitPrice, line.Amount));
        Assert.Equal(0m, total);
    }

    [Theory]
    [InlineData(ChargeBasis.Granted, 1.10)]
    [InlineData(ChargeBasis.Used, 0.44)]
    public void Price_ChargeBasis_ChargesTheQuantityItNames(ChargeBasis basis, double amount)
    {
        var sums = new[] { new DaySum(0, "arm", "t1", "p1", "vcpu", 10 * 3_600_000L, 4 * 3_600_000L, 3_600_000) }; // 10 vCPU-hours held, 4 used

        var (departments, total) = StatementBuilder.Price(November, Catalogue with { ChargeBasis = basis }, [November.FirstDay, Change], sums, Clouds,
            new Dictionary<string, string?>());

        var line = Assert.Single(Assert.Single(departments).Lines);
        Assert.Equal((10m, 4m, (decimal?)0.11m), (line.GrantedQuantity, line.UsedQuantity, line.UnitPrice)); // both quantities shown whatever is charged
        Assert.Equal((decimal)amount, line.Amount);
        Assert.Equal((decimal)amount, total);
    }

    [Fact]
    public void Amount_HalfAFen_RoundsAwayFromZero()
    {
        Assert.Equal(0.01m, StatementBuilder.Amount(1, 0.005m, 1));
        Assert.Equal(0.02m, StatementBuilder.Amount(3_600_000, 0.015m, 3_600_000));
        Assert.Equal(0.01m, StatementBuilder.Amount(3_600_000, 0.014999m, 3_600_000));
    }
}
