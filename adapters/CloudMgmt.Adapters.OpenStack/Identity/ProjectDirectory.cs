using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CloudMgmt.Adapters.OpenStack.Grants;
using CloudMgmt.Adapters.OpenStack.Http;

namespace CloudMgmt.Adapters.OpenStack.Identity;

/// <summary>A tenant project as the adapter sees it: its id and name, and the grant ledger kept on it.</summary>
internal sealed record TenantProject(string Id, string Name, string DomainId, TenantRef Tenant, GrantLedger Ledger);

/// <summary>
/// Keystone domains and projects: a project per tenant (named cm-{tenant}) inside a domain per pool
/// (cloudmgmt-{pool}) or the configured domain, tagged with our marks so that they can be listed.
/// Keystone tags may not hold '/', so the marks are written as cloudmgmt-managed,
/// cloudmgmt-tenant=ID and cloudmgmt-pool=ID.
/// </summary>
internal sealed class ProjectDirectory(OpenStackApi api, OpenStackSettings settings)
{
    public const string ManagedTag = "cloudmgmt-managed";
    private const string TenantTagPrefix = "cloudmgmt-tenant=";
    private const string PoolTagPrefix = "cloudmgmt-pool=";
    private static readonly OpenStackService Keystone = OpenStackService.Identity;

    private readonly ConcurrentDictionary<string, string> _domainIds = new(StringComparer.Ordinal);

    public static string ProjectName(TenantRef tenant) => $"cm-{tenant.TenantId}";

    /// <summary>The tenant's project, or null when there is none.</summary>
    public async Task<AdapterResult<TenantProject?>> FindAsync(TenantRef tenant, CancellationToken ct)
    {
        var domain = await DomainIdAsync(tenant, create: false, ct);
        if (!domain.Succeeded)
            return domain.Error!;
        if (domain.Value is null)
            return new AdapterResult<TenantProject?>(null, null);
        var listed = await api.GetAsync(Keystone, $"/projects?domain_id={Uri.EscapeDataString(domain.Value)}&name={Uri.EscapeDataString(ProjectName(tenant))}", ct);
        if (!listed.Succeeded)
            return listed.Error!;
        var project = (listed.Value?["projects"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        return project is null ? new AdapterResult<TenantProject?>(null, null) : Read(project);
    }

    /// <summary>The tenant's project, made (with its domain) when missing. A race with another maker ends in the one project.</summary>
    public async Task<AdapterResult<TenantProject>> EnsureAsync(TenantRef tenant, CancellationToken ct)
    {
        var found = await FindAsync(tenant, ct);
        if (!found.Succeeded)
            return found.Error!;
        if (found.Value is { } existing)
            return existing;
        var domain = await DomainIdAsync(tenant, create: true, ct);
        if (!domain.Succeeded)
            return domain.Error!;
        var body = new JsonObject
        {
            ["project"] = new JsonObject
            {
                ["name"] = ProjectName(tenant),
                ["domain_id"] = domain.Value,
                ["description"] = $"CloudMgmt tenant {tenant.TenantId} (pool {tenant.PoolId}); quota managed by CloudMgmt",
                ["enabled"] = true,
                ["tags"] = new JsonArray(ManagedTag, TenantTagPrefix + tenant.TenantId, PoolTagPrefix + tenant.PoolId),
                [GrantLedger.Property] = new JsonObject(),
            },
        };
        var created = await api.SendAsync(Keystone, HttpMethod.Post, "/projects", body, ct);
        if (created.Error?.Kind == AdapterErrorKind.Conflict)
        {
            var again = await FindAsync(tenant, ct);
            return again.Value is { } winner ? winner : again.Error ?? created.Error;
        }
        if (!created.Succeeded)
            return created.Error!;
        return Read((JsonObject)created.Value!["project"]!) is { } made ? made
            : AdapterError.Of(AdapterErrorKind.Unknown, "keystone made the project without the tags it was given");
    }

    /// <summary>Writes the project's ledger (the caller holds the project's lock).</summary>
    public async Task<AdapterResult<TenantProject>> SaveLedgerAsync(TenantProject project, GrantLedger ledger, CancellationToken ct)
    {
        var body = new JsonObject { ["project"] = new JsonObject { [GrantLedger.Property] = ledger.ToJson() } };
        var saved = await api.SendAsync(Keystone, HttpMethod.Patch, $"/projects/{project.Id}", body, ct);
        return saved.Succeeded ? project with { Ledger = ledger } : saved.Error!;
    }

    /// <summary>Every project that carries our managed tag, in any domain.</summary>
    public async Task<AdapterResult<IReadOnlyList<TenantProject>>> ListManagedAsync(CancellationToken ct)
    {
        var listed = await api.GetAsync(Keystone, $"/projects?tags={ManagedTag}", ct);
        if (!listed.Succeeded)
            return listed.Error!;
        return (listed.Value?["projects"] as JsonArray ?? []).OfType<JsonObject>().Select(Read).OfType<TenantProject>().ToList();
    }

    public async Task<AdapterResult<TenantRef>> DeleteAsync(TenantProject project, CancellationToken ct)
    {
        var deleted = await api.SendAsync(Keystone, HttpMethod.Delete, $"/projects/{project.Id}", null, ct);
        return deleted.Succeeded || deleted.Error!.Kind == AdapterErrorKind.NotFound ? project.Tenant : deleted.Error!;
    }

    private static TenantProject? Read(JsonObject project)
    {
        var tags = (project["tags"] as JsonArray ?? []).Select(t => t?.ToString() ?? "").ToList();
        var tenant = tags.FirstOrDefault(t => t.StartsWith(TenantTagPrefix, StringComparison.Ordinal))?[TenantTagPrefix.Length..];
        var pool = tags.FirstOrDefault(t => t.StartsWith(PoolTagPrefix, StringComparison.Ordinal))?[PoolTagPrefix.Length..];
        if (tenant is null || pool is null)
            return null;
        return new TenantProject(project["id"]!.ToString(), project["name"]?.ToString() ?? "", project["domain_id"]?.ToString() ?? "",
            new TenantRef(tenant, pool), GrantLedger.Parse(project[GrantLedger.Property]));
    }

    private string DomainName(TenantRef tenant) => settings.Domain ?? $"cloudmgmt-{tenant.PoolId}";

    private async Task<AdapterResult<string?>> DomainIdAsync(TenantRef tenant, bool create, CancellationToken ct)
    {
        var name = DomainName(tenant);
        if (_domainIds.TryGetValue(name, out var cached))
            return cached;
        var listed = await api.GetAsync(Keystone, $"/domains?name={Uri.EscapeDataString(name)}", ct);
        if (!listed.Succeeded)
            return listed.Error!;
        var id = (listed.Value?["domains"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["id"]?.ToString();
        if (id is null && create)
        {
            var body = new JsonObject { ["domain"] = new JsonObject { ["name"] = name, ["description"] = "CloudMgmt tenant projects", ["enabled"] = true } };
            var created = await api.SendAsync(Keystone, HttpMethod.Post, "/domains", body, ct);
            if (created.Error?.Kind == AdapterErrorKind.Conflict)
                return await DomainIdAsync(tenant, create: false, ct);
            if (!created.Succeeded)
                return created.Error!;
            id = created.Value?["domain"]?["id"]?.ToString();
        }
        if (id is not null)
            _domainIds[name] = id;
        return id;
    }
}
