using CloudMgmt.Client.Http;
using CloudMgmt.Client.Models;

namespace CloudMgmt.Client.Resources;

/// <summary>Reports: <c>/api/v1/reports</c>.</summary>
public sealed class ReportsClient
{
    private readonly ICloudMgmtApi _api;

    internal ReportsClient(ICloudMgmtApi api) => _api = api;

    /// <summary>Granted, used and efficiency per tenant, pool, cloud or resource over a window, whole or per hour, day or month.</summary>
    public Task<EfficiencyReport> EfficiencyAsync(EfficiencyQuery? query = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.EfficiencyReport(query?.From, query?.To, query?.By, query?.Step, ct));

    /// <summary>The same report as CSV, as the server writes it.</summary>
    public Task<string> EfficiencyCsvAsync(EfficiencyQuery? query = null, CancellationToken ct = default) =>
        ApiCall.Run(() => _api.EfficiencyReportCsv(query?.From, query?.To, query?.By, query?.Step, ct));
}
