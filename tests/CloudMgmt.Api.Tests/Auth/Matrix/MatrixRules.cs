using System.Net.Http.Json;

namespace CloudMgmt.Api.Tests.Auth.Matrix;

/// <summary>Which callers a rule lets through by role (before the caller's part of the tree is asked about).</summary>
public enum Who
{
    /// <summary>Operators, departments and viewers.</summary>
    Readers,

    /// <summary>Operators and departments.</summary>
    Requesters,

    Operators,

    /// <summary>Unscoped operators only (clouds, reconcile passes).</summary>
    WholeTreeOperators,

    /// <summary>Unscoped operators and viewers (verifying the whole audit trail).</summary>
    WholeTreeReaders,

    /// <summary>Operators and viewers, scoped or not (per-pool reports: a department sees its own statement instead).</summary>
    OperatorsAndViewers,
}

/// <summary>How a probe is aimed at its target, and so how "outside the caller's part" shows.</summary>
public enum Aim
{
    /// <summary>Not aimed at a place in the tree: only the role decides.</summary>
    None,

    /// <summary>The target is in the URL: outside the caller's part it is a 404, exactly as a missing one.</summary>
    Addressed,

    /// <summary>The target is named in the body: outside, the 400 a name that does not exist gets, naming the field.</summary>
    Referenced,

    /// <summary>A list: outside, the target is simply not in it.</summary>
    Listed,
}

/// <param name="Listed">The id a listing shows for the target.</param>
public sealed record Rule(Who Who, Aim Aim, Func<MatrixWorld, Target, Task<HttpRequestMessage>> Build, string? Field = null,
    Func<MatrixWorld, Target, string>? Listed = null);

/// <summary>
/// The rule of every endpoint the controller serves under /api. An endpoint without a row here
/// fails the matrix: a new endpoint must say who may call it before it ships.
/// </summary>
public static class MatrixRules
{
    private const string V1 = "/api/v1";

    private static Task<HttpRequestMessage> Send(HttpMethod method, string url, object? body = null) =>
        Task.FromResult(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    private static Func<MatrixWorld, Target, Task<HttpRequestMessage>> Get(Func<MatrixWorld, Target, string> url) =>
        (w, t) => Send(HttpMethod.Get, url(w, t));

    private static Func<MatrixWorld, Target, Task<HttpRequestMessage>> Get(string url) => (_, _) => Send(HttpMethod.Get, url);

    private static Func<MatrixWorld, Target, Task<HttpRequestMessage>> OnFresh(
        Func<MatrixWorld, Target, Task<string>> make, HttpMethod method, Func<string, string> url, object? body = null) =>
        async (w, t) => await Send(method, url(await make(w, t)), body);

    public static readonly IReadOnlyDictionary<string, Rule> All = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["GET /api/v1/pools"] = new(Who.Readers, Aim.Listed, Get($"{V1}/pools"), Listed: (_, t) => MatrixWorld.Pool(t)),
        ["POST /api/v1/pools"] = new(Who.Operators, Aim.Referenced,
            (w, t) => Send(HttpMethod.Post, $"{V1}/pools", new { id = w.Unique("p"), parent = MatrixWorld.Pool(t), quota = new { vcpu = 0 } }), "parent"),
        ["GET /api/v1/pools/tree"] = new(Who.Readers, Aim.Listed, Get($"{V1}/pools/tree"), Listed: (_, t) => MatrixWorld.Pool(t)),
        ["GET /api/v1/pools/{id}"] = new(Who.Readers, Aim.Addressed, Get((_, t) => $"{V1}/pools/{MatrixWorld.Pool(t)}")),
        ["PATCH /api/v1/pools/{id}"] = new(Who.Operators, Aim.Addressed,
            (_, t) => Send(HttpMethod.Patch, $"{V1}/pools/{MatrixWorld.Pool(t)}", new { displayName = "renamed" })),

        ["POST /api/v1/tenants"] = new(Who.Operators, Aim.Referenced,
            (w, t) => Send(HttpMethod.Post, $"{V1}/tenants", new { id = w.Unique("t"), pool = MatrixWorld.Pool(t) }), "pool"),
        ["GET /api/v1/tenants"] = new(Who.Readers, Aim.Listed, Get($"{V1}/tenants"), Listed: (_, t) => MatrixWorld.Tenant(t)),
        ["GET /api/v1/tenants/{id}"] = new(Who.Readers, Aim.Addressed, Get((_, t) => $"{V1}/tenants/{MatrixWorld.Tenant(t)}")),

        ["POST /api/v1/allocations"] = new(Who.Requesters, Aim.Referenced,
            (_, t) => Send(HttpMethod.Post, $"{V1}/allocations", new { tenant = MatrixWorld.Tenant(t), resources = new { vcpu = 1 } }), "tenant"),
        ["GET /api/v1/allocations"] = new(Who.Readers, Aim.Listed, Get($"{V1}/allocations?limit=500"), Listed: (w, t) => w.Allocations[t]),
        ["GET /api/v1/allocations/{id}"] = new(Who.Readers, Aim.Addressed, Get((w, t) => $"{V1}/allocations/{w.Allocations[t]}")),
        ["GET /api/v1/allocations/{id}/placement"] = new(Who.Readers, Aim.Addressed, Get((w, t) => $"{V1}/allocations/{w.Allocations[t]}/placement")),
        ["PATCH /api/v1/allocations/{id}"] = new(Who.Requesters, Aim.Addressed,
            OnFresh((w, t) => w.AllocationAsync(t), HttpMethod.Patch, id => $"{V1}/allocations/{id}", new { resources = new { vcpu = 2 } })),
        ["DELETE /api/v1/allocations/{id}"] = new(Who.Requesters, Aim.Addressed,
            OnFresh((w, t) => w.AllocationAsync(t), HttpMethod.Delete, id => $"{V1}/allocations/{id}")),
        ["POST /api/v1/allocations/{id}/approve"] = new(Who.Operators, Aim.Addressed,
            OnFresh((w, t) => w.AllocationAsync(t, pending: true), HttpMethod.Post, id => $"{V1}/allocations/{id}/approve", new { reason = "plan" })),
        ["POST /api/v1/allocations/{id}/reject"] = new(Who.Operators, Aim.Addressed,
            OnFresh((w, t) => w.AllocationAsync(t, pending: true), HttpMethod.Post, id => $"{V1}/allocations/{id}/reject", new { reason = "no" })),
        ["POST /api/v1/allocations/{id}/protect"] = new(Who.Operators, Aim.Addressed,
            OnFresh((w, t) => w.AllocationAsync(t), HttpMethod.Post, id => $"{V1}/allocations/{id}/protect", new { @protected = true })),
        ["POST /api/v1/allocations/{id}/postpone"] = new(Who.Operators, Aim.Addressed,
            OnFresh((w, t) => w.AllocationAsync(t), HttpMethod.Post, id => $"{V1}/allocations/{id}/postpone", new { @for = "P1D" })),
        ["GET /api/v1/events"] = new(Who.Readers, Aim.None, Get($"{V1}/events")),

        ["POST /api/v1/keys"] = new(Who.Operators, Aim.Referenced,
            (_, t) => Send(HttpMethod.Post, $"{V1}/keys", new { role = "viewer", pool = MatrixWorld.Pool(t) }), "pool"),
        ["GET /api/v1/keys"] = new(Who.Operators, Aim.Listed, Get($"{V1}/keys"), Listed: (w, t) => w.Keys[t]),
        ["POST /api/v1/keys/{id}/rotate"] = new(Who.Operators, Aim.Addressed,
            OnFresh((w, t) => w.KeyAsync(t), HttpMethod.Post, id => $"{V1}/keys/{id}/rotate", new { })),
        ["DELETE /api/v1/keys/{id}"] = new(Who.Operators, Aim.Addressed, OnFresh((w, t) => w.KeyAsync(t), HttpMethod.Delete, id => $"{V1}/keys/{id}")),

        ["GET /api/v1/audit"] = new(Who.Readers, Aim.Listed, Get($"{V1}/audit?action=tenant.create"), Listed: (_, t) => "tenant:" + MatrixWorld.Tenant(t)),
        ["GET /api/v1/audit/verify"] = new(Who.WholeTreeReaders, Aim.None, Get($"{V1}/audit/verify")),

        ["POST /api/v1/clouds"] = new(Who.WholeTreeOperators, Aim.None,
            (w, _) => Send(HttpMethod.Post, $"{V1}/clouds", new { id = w.Unique("cloud"), kind = "sandbox", region = "anhui" })),
        ["GET /api/v1/clouds"] = new(Who.Readers, Aim.None, Get($"{V1}/clouds")),
        ["GET /api/v1/clouds/{id}"] = new(Who.Readers, Aim.None, Get($"{V1}/clouds/matrix-cloud")),
        ["PATCH /api/v1/clouds/{id}"] = new(Who.WholeTreeOperators, Aim.None,
            (_, _) => Send(HttpMethod.Patch, $"{V1}/clouds/matrix-cloud", new { labels = new { securityLevel = "3" } })),
        ["POST /api/v1/clouds/{id}/drain"] = new(Who.WholeTreeOperators, Aim.None, (_, _) => Send(HttpMethod.Post, $"{V1}/clouds/matrix-cloud/drain")),
        ["POST /api/v1/clouds/{id}/undrain"] = new(Who.WholeTreeOperators, Aim.None, (_, _) => Send(HttpMethod.Post, $"{V1}/clouds/matrix-cloud/undrain")),
        ["POST /api/v1/clouds/{id}/reconcile"] = new(Who.WholeTreeOperators, Aim.None, (_, _) => Send(HttpMethod.Post, $"{V1}/clouds/matrix-cloud/reconcile")),
        ["POST /api/v1/reconcile"] = new(Who.WholeTreeOperators, Aim.None, (_, _) => Send(HttpMethod.Post, $"{V1}/reconcile")),
        ["DELETE /api/v1/clouds/{id}"] = new(Who.WholeTreeOperators, Aim.None, OnFresh((w, _) => w.CloudAsync(), HttpMethod.Delete, id => $"{V1}/clouds/{id}")),

        // The reports list what the matrix world has metered: nothing, so only the role shows here; ScopedReportsApiTests shows the scopes.
        ["GET /api/v1/reports/efficiency"] = new(Who.Readers, Aim.None, Get($"{V1}/reports/efficiency")),
        ["GET /api/v1/reports/statement"] = new(Who.Readers, Aim.None, Get($"{V1}/reports/statement")),
        ["GET /api/v1/reports/budgets"] = new(Who.OperatorsAndViewers, Aim.None, Get($"{V1}/reports/budgets")),
        ["GET /api/v1/reports/supervision"] = new(Who.Readers, Aim.None, Get($"{V1}/reports/supervision")),
    };
}
