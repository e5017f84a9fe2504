using System.Security.Cryptography;
using System.Text;
using CloudMgmt.Application.Access;
using CloudMgmt.Domain.Placement;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Allocations;

namespace CloudMgmt.Application.Allocations;

/// <summary>Turns a create-allocation body into a grain request, or into a failure naming every bad field.</summary>
internal static class AllocationInput
{
    private const int MaxConstraints = 32;
    private const int MaxConstraintLength = 253;
    private const int MaxIdempotencyKeyLength = 255;

    public static (AllocationRequest? Request, Failure? Problem) Parse(CreateAllocationRequest body, Principal caller, string? idempotencyKey)
    {
        var v = new Validation();
        var bound = caller.Role == Grains.Keys.ApiRole.Department ? caller.Tenant ?? "" : null;
        var tenant = v.Id("tenant", body.Tenant ?? bound);
        var resources = v.Resources("resources", body.Resources, required: true, nonZero: true);
        var priority = body.Priority ?? 0;
        if (priority is < -1000 or > 1000)
        {
            v.Add("priority", "must be between -1000 and 1000");
        }

        var constraints = body.Constraints ?? [];
        if (constraints.Count > MaxConstraints)
        {
            v.Add("constraints", $"at most {MaxConstraints} constraints");
        }

        foreach (var (key, value) in constraints.Where(c => c.Key.Length is 0 or > MaxConstraintLength || c.Value.Length > MaxConstraintLength))
        {
            v.Add($"constraints.{TextRules.Echo(key)}", $"keys must be 1-{MaxConstraintLength} characters and values at most {MaxConstraintLength}");
        }

        var normalised = Normalise(constraints, v);
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            v.Add("Idempotency-Key", $"must be 1-{MaxIdempotencyKeyLength} printable characters");
        }

        if (v.Failure() is { } invalid)
        {
            return (null, invalid);
        }

        if (bound is not null && tenant != bound)
        {
            return (null, Failure.Invalid("tenant", $"this caller acts for tenant '{bound}' only"));
        }

        // The digest is of what the request means (arm64 and aarch64 alike); a request made before
        // names were normalised was digested as sent, so that digest is offered too, for its retries.
        var hash = Hash(tenant!, resources!.ToString(), normalised, priority);
        var former = ReferenceEquals(normalised, constraints) ? null : Hash(tenant!, resources.ToString(), constraints, priority);
        return (new AllocationRequest(tenant!, resources, normalised, priority, hash, caller.Ref, former), null);
    }

    /// <summary>
    /// Constraint values by the name placement compares: an architecture by its canonical name
    /// (<c>arm64</c> becomes <c>aarch64</c>); an architecture no one knows is refused, naming the field
    /// and the name it most likely meant. The same dictionary when nothing changed.
    /// </summary>
    private static Dictionary<string, string> Normalise(Dictionary<string, string> constraints, Validation v)
    {
        if (!constraints.TryGetValue("architecture", out var architecture) || architecture.Length == 0)
        {
            return constraints;
        }

        if (Architectures.Canonical(architecture) is not { } canonical)
        {
            var guess = Architectures.Suggest(architecture) is { } s ? $"; did you mean '{s}'?" : "";
            v.Add("constraints.architecture", $"unknown architecture '{TextRules.Echo(architecture)}'{guess} Known: {Architectures.Describe()}");
            return constraints;
        }

        return canonical == architecture ? constraints : new Dictionary<string, string>(constraints, StringComparer.Ordinal) { ["architecture"] = canonical };
    }

    /// <summary>A digest of the request's meaning (not its formatting), to tell a retry from a different request.</summary>
    private static string Hash(string tenant, string resources, Dictionary<string, string> constraints, int priority)
    {
        var text = new StringBuilder().Append(tenant).Append('\n').Append(resources).Append('\n').Append(priority);
        foreach (var (k, val) in constraints.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(k).Append('=').Append(val);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// Allocation ids. With an Idempotency-Key the id is derived from tenant and key, so every retry
/// lands on the same allocation grain, which answers with what it already did: no second
/// allocation, and no separate key index that could disagree with it.
/// </summary>
public static class AllocationIds
{
    public static string For(string tenant, string? idempotencyKey) => idempotencyKey is null
        ? "alloc-" + Guid.CreateVersion7().ToString("N")
        : "alloc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenant + "\n" + idempotencyKey)))[..32];

    public static bool LooksValid(string id) =>
        id.Length == 38 && id.StartsWith("alloc-", StringComparison.Ordinal) && id[6..].All(char.IsAsciiHexDigitLower);
}
