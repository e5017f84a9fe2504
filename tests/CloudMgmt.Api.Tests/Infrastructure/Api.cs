using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudMgmt.Api.Tests.Infrastructure;

/// <summary>Small helpers that keep the tests about behaviour rather than HTTP plumbing.</summary>
public static class ApiCalls
{
    /// <summary>Creates province > city > department with the given department quota (vcpu, memoryGiB) and one tenant.</summary>
    public static async Task SeedAsync(HttpClient op, long vcpu = 100, long memoryGiB = 400, object? departmentExtras = null)
    {
        await op.Post("/api/v1/pools", new { id = "province", quota = new { vcpu = 0, memoryGiB = 0 } }).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/pools", new { id = "city", parent = "province", quota = new { vcpu = 0 } }).Expect(HttpStatusCode.Created);
        var department = JsonSerializer.SerializeToNode(new { id = "dept", parent = "city", quota = new { vcpu, memoryGiB } })!.AsObject();
        if (departmentExtras is not null)
        {
            foreach (var (k, v) in JsonSerializer.SerializeToNode(departmentExtras)!.AsObject())
            {
                department[k] = v?.DeepClone();
            }
        }

        await op.PostAsJsonAsync("/api/v1/pools", department).Expect(HttpStatusCode.Created);
        await op.Post("/api/v1/tenants", new { id = "health", pool = "dept", displayName = "Health Commission" }).Expect(HttpStatusCode.Created);
    }

    /// <summary>A client per caller name, each with a key the operator makes from its body ({role, pool, tenant}).</summary>
    public static async Task<Dictionary<string, HttpClient>> CallersAsync(HttpClient op, Func<string, HttpClient> withToken, params (string Caller, object Key)[] keys)
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (caller, body) in keys)
        {
            clients[caller] = withToken((await op.Post("/api/v1/keys", body).Expect(HttpStatusCode.Created)).Str("token"));
        }

        return clients;
    }
}
