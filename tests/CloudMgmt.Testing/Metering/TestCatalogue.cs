namespace CloudMgmt.Testing.Metering;

/// <summary>
/// The service catalogue the metering tests price with: x86 vCPU-hours at 0.09 yuan, 0.085 from 16 November 2026
/// (a price change in mid-month), Xinchuang vCPU-hours at 0.11, memory GiB-hours at 0.012, charged on what was granted.
/// </summary>
public static class TestCatalogue
{
    /// <param name="name">The catalogue's name, as statements show it.</param>
    /// <param name="budgets">The <c>budgets:</c> entries, one "pool: {monthly: ...}" per line.</param>
    public static string Yaml(string name, params string[] budgets) => $$"""
        apiVersion: cloudmgmt.io/v1
        kind: ServiceCatalogue
        metadata: {name: {{name}}}
        spec:
          chargeBasis: granted
          items:
            - code: VCPU-X86
              name: {en: x86 vCPU-hour, zh: x86 vCPU·小时}
              resource: vcpu
              match: {architecture: x86_64}
              prices:
                - {from: 2026-01-01, yuan: "0.09"}
                - {from: 2026-11-16, yuan: "0.085"}
            - code: VCPU-XC
              name: {en: Xinchuang vCPU-hour, zh: 信创 vCPU·小时}
              resource: vcpu
              match: {xinchuang: "true"}
              prices: [{from: 2026-01-01, yuan: "0.11"}]
            - code: MEM
              name: {en: Memory GiB-hour, zh: 内存 GiB·小时}
              resource: memoryGiB
              prices: [{from: 2026-01-01, yuan: "0.012"}]
          budgets:
        {{string.Join("\n", budgets.Select(b => "    " + b))}}
        """;
}
