using CloudMgmt.Domain.Metering;
using CloudMgmt.Policies.Catalogue;

namespace CloudMgmt.Policies.Tests.Catalogue;

public sealed class ServiceCatalogueLoaderTests
{
    private const string Head = """
        apiVersion: cloudmgmt.io/v1
        kind: ServiceCatalogue
        metadata: {name: test}
        """;

    private static readonly IReadOnlyDictionary<string, string> X86L3 = new Dictionary<string, string>
    {
        ["architecture"] = "x86_64", ["xinchuang"] = "false", ["securityLevel"] = "3",
    };

    [Fact]
    public void Load_ShippedDefault_IsValidAndPricesTheSandboxClouds()
    {
        var (catalogue, errors) = ServiceCatalogueLoader.Load(ServiceCatalogueSource.ReadDefault());

        Assert.Empty(errors);
        Assert.Equal(ChargeBasis.Granted, catalogue!.ChargeBasis);
        Assert.Equal("ECS-X86-L3-VCPU", catalogue.ItemFor("vcpu", X86L3, "anhui")!.Code);
        Assert.Equal("ECS-XC-VCPU", catalogue.ItemFor("vcpu", new Dictionary<string, string> { ["xinchuang"] = "true", ["securityLevel"] = "3" }, "anhui")!.Code);
        Assert.Equal("ECS-VCPU", catalogue.ItemFor("vcpu", new Dictionary<string, string>(), "anhui")!.Code); // the general item is the fallback
        Assert.Equal(PriceUnit.Month, catalogue.ItemFor("storageGiB", X86L3, "anhui")!.Unit);
    }

    [Fact]
    public void Load_PriceChangeInTheMonth_SplitsTheMonthAndPricesEachDay()
    {
        var (catalogue, errors) = ServiceCatalogueLoader.Load(Head + """

            spec:
              chargeBasis: used
              items:
                - code: VCPU
                  name: {en: vCPU-hour, zh: vCPU·小时}
                  resource: vcpu
                  match: {region: anhui}
                  prices:
                    - {from: 2026-01-01, yuan: "0.09"}
                    - {from: 2026-11-16, yuan: "0.085"}
              budgets:
                hefei: {monthly: "1000.00", months: {"2026-11": "1200.50"}}
            """);

        Assert.Empty(errors);
        var item = catalogue!.Items.Single();
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 16)], catalogue.PeriodStarts(new MeteringMonth(2026, 11)));
        Assert.Equal([new DateOnly(2026, 12, 1)], catalogue.PeriodStarts(new MeteringMonth(2026, 12)));
        Assert.Equal((0.09m, 0.085m), (item.PriceOn(new DateOnly(2026, 11, 15))!.Yuan, item.PriceOn(new DateOnly(2026, 11, 16))!.Yuan));
        Assert.Null(item.PriceOn(new DateOnly(2025, 12, 31)));
        Assert.Same(item, catalogue.ItemFor("vcpu", new Dictionary<string, string>(), "anhui"));
        Assert.Null(catalogue.ItemFor("vcpu", new Dictionary<string, string>(), "wuhu"));
        Assert.Equal((1200.50m, 1000.00m), (catalogue.Budgets["hefei"].For(new MeteringMonth(2026, 11)), catalogue.Budgets["hefei"].For(new MeteringMonth(2026, 12))));
        Assert.Equal(ChargeBasis.Used, catalogue.ChargeBasis);
    }

    [Fact]
    public void Load_EveryMistake_IsReportedWithItsPath()
    {
        var (catalogue, errors) = ServiceCatalogueLoader.Load(Head + """

            spec:
              chargeBasis: maybe
              items:
                - code: vcpu lower
                  name: {en: a}
                  resource: "9bad"
                  unit: week
                  prices:
                    - {from: 2026-11-16, yuan: "0.1"}
                    - {from: 2026-11-01, yuan: "-1"}
                - code: MEM
                  name: {en: m, zh: m}
                  resource: memoryGiB
                  prices: []
                - code: MEM
                  name: {en: m, zh: m}
                  resource: memoryGiB
                  prices: [{from: 2026-13-01, yuan: "1e3"}]
                  colour: blue
              budgets:
                hefei: {months: {"2026-1": "12.345"}}
            """);

        Assert.Null(catalogue);
        foreach (var expected in new[]
                 {
                     "spec.chargeBasis", "spec.items[0].code", "spec.items[0].name.zh", "spec.items[0].resource", "spec.items[0].unit",
                     "spec.items[0].prices[1].yuan", "spec.items[1].prices", "spec.items[2].prices[0].from", "spec.items[2].prices[0].yuan",
                     "spec.items[2].colour", "spec.budgets.hefei.months.2026-1",
                 })
        {
            Assert.Contains(errors, e => e.StartsWith(expected + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Load_TwoItemsForTheSameResourceAndLabels_AreRefusedAsAmbiguous()
    {
        var (_, errors) = ServiceCatalogueLoader.Load(Head + """

            spec:
              items:
                - {code: A, name: {en: a, zh: a}, resource: vcpu, match: {xinchuang: "true"}, prices: [{from: 2026-01-01, yuan: "1"}]}
                - {code: B, name: {en: b, zh: b}, resource: vcpu, match: {xinchuang: "true"}, prices: [{from: 2026-01-01, yuan: "2"}]}
                - {code: A, name: {en: c, zh: c}, resource: gpu, prices: [{from: 2026-01-01, yuan: "2"}]}
            """);

        Assert.Contains(errors, e => e.StartsWith("spec.items[1].match:", StringComparison.Ordinal) && e.Contains("'A'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.items[2].code:", StringComparison.Ordinal));
    }
}
