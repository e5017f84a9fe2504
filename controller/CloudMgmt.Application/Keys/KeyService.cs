using System.Xml;
using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Domain;
using CloudMgmt.Grains;
using CloudMgmt.Grains.Keys;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Application.Keys;

/// <summary>
/// Key lifecycle: create (no broader than the creator), list (those in the caller's part of the
/// tree), rotate with an optional grace, revoke at once on every node.
/// </summary>
public sealed class KeyService(
    IGrainFactory grains, AccessCheck access, AuditTrail audit, KeyLookup lookup, TimeProvider time, IOptions<KeyOptions> options)
{
    private const int MaxName = 256;

    private IKeyStoreGrain Store => grains.GetGrain<IKeyStoreGrain>(KeyStoreGrain.Key);

    public async Task<Outcome<IssuedKeyResponse>> CreateAsync(Caller caller, CreateKeyRequest body)
    {
        var target = Resource.WholeTree(ResourceKind.Key);
        if (await access.RoleAsync(caller, Operations.KeyCreate, target) is { } refused)
        {
            return refused;
        }

        var (grant, invalid) = Parse(body);
        if (invalid is not null)
        {
            return await audit.RefuseAsync(caller, Operations.KeyCreate, target, invalid);
        }

        var (reach, missing) = await ReachAsync(grant!.Role, grant.Tenant, grant.Pool);
        if (missing is not null)
        {
            return await audit.RefuseAsync(caller, Operations.KeyCreate, target, missing);
        }

        var decision = KeyMinting.Check(caller.Principal, grant, reach!, await access.Tree.TenantPathOfAsync(caller.Principal));
        if (!decision.Allowed)
        {
            var answer = decision.Kind == AccessKind.Hidden ? Missing(grant) : Failure.Forbidden(decision.Reason!);
            await audit.RecordAsync(caller, Operations.KeyCreate.Name, reach!, Outcomes.Of(answer.Kind), decision.Reason);
            return answer;
        }

        var outcome = await Store.Create(new NewKey(grant.Role, grant.Tenant, grant.Pool, body.Name, grant.ExpiresAt, caller.Ref));
        var made = outcome.Failure is null ? reach! with { Id = outcome.Value!.Key.Id } : reach!;
        var issued = await audit.RecordAsync(caller, Operations.KeyCreate, made, outcome, Outcomes.Created, i => Describe(i.Key));
        return issued.Failure is { } f ? f : IssuedKeyResponse.From(issued.Value!);
    }

    public async Task<Outcome<IReadOnlyList<KeyResponse>>> ListAsync(Caller caller)
    {
        if (await access.RoleAsync(caller, Operations.KeyRead, Resource.WholeTree(ResourceKind.Key)) is { } refused)
        {
            return refused;
        }

        var visible = new List<KeyResponse>();
        foreach (var key in await Store.List())
        {
            if ((await ReachAsync(key.Role, key.Tenant, key.Pool)).Reach is { } reach && AccessCheck.Reaches(caller, reach, null))
            {
                visible.Add(KeyResponse.From(key));
            }
        }

        return visible;
    }

    public async Task<Outcome<IssuedKeyResponse>> RotateAsync(Caller caller, string id, RotateKeyRequest? body)
    {
        if (await FindAsync(caller, Operations.KeyRotate, id) is var (resource, refused) && refused is not null)
        {
            return refused;
        }

        var grace = TimeSpan.Zero;
        if (body?.Grace is { } text && (TimeRules.Duration(text) is not { } span || span < TimeSpan.Zero || span > options.Value.MaxRotationGrace))
        {
            return await audit.RefuseAsync(caller, Operations.KeyRotate, resource!, Failure.Invalid("grace",
                $"must be an ISO 8601 duration from PT0S to {XmlConvert.ToString(options.Value.MaxRotationGrace)}, such as PT1H"));
        }
        else if (body?.Grace is { } given)
        {
            grace = TimeRules.Duration(given)!.Value;
        }

        var outcome = await audit.RecordAsync(caller, Operations.KeyRotate, resource!, await Store.Rotate(id, grace), Outcomes.Ok,
            _ => grace > TimeSpan.Zero ? $"new token; the old one works until {time.GetUtcNow() + grace:O}" : "new token; the old one is refused from now");
        lookup.Forget();
        return outcome.Failure is { } f ? f : IssuedKeyResponse.From(outcome.Value!);
    }

    public async Task<Outcome<KeyResponse>> RevokeAsync(Caller caller, string id)
    {
        if (await FindAsync(caller, Operations.KeyRevoke, id) is var (resource, refused) && refused is not null)
        {
            return refused;
        }

        await Store.Revoke(id);
        lookup.Forget(); // this node at once; the others within Auth:Keys:ChangePoll, when they see the store's generation move
        var view = (await Store.Get(id))!;
        await audit.RecordAsync(caller, Operations.KeyRevoke.Name, resource!, Outcomes.NoContent, Describe(view));
        return KeyResponse.From(view);
    }

    /// <summary>The key, if the caller may reach it; a key outside its part of the tree is answered as a missing one.</summary>
    private async Task<(Resource? Resource, Failure? Refused)> FindAsync(Caller caller, Operation operation, string id)
    {
        var target = new Resource(ResourceKind.Key, id, []);
        if (await access.RoleAsync(caller, operation, target) is { } refused)
        {
            return (null, refused);
        }

        var missing = Failure.NotFound($"API key '{TextRules.Echo(id)}' does not exist");
        if (id.Length > 64 || await Store.Get(id) is not { } key || (await ReachAsync(key.Role, key.Tenant, key.Pool)).Reach is not { } reach)
        {
            return (null, await access.MissingAsync(caller, operation, target, missing));
        }

        reach = reach with { Id = id };
        return (reach, await access.ResourceAsync(caller, operation, reach, missing));
    }

    /// <summary>Where a key with this binding reaches: its tenant's place, its pool's subtree, or the whole tree.</summary>
    private async Task<(Resource? Reach, Failure? Missing)> ReachAsync(ApiRole role, string? tenant, string? pool)
    {
        if (tenant is not null)
        {
            return await access.Tree.TenantAsync(tenant) is { } t
                ? (t.Resource with { Kind = ResourceKind.Key, Id = null }, null)
                : (null, Failure.Invalid("tenant", $"tenant '{TextRules.Echo(tenant)}' does not exist"));
        }

        if (pool is not null)
        {
            return await access.Tree.PoolPathAsync(pool) is { } path
                ? (new Resource(ResourceKind.Key, null, path), null)
                : (null, Failure.Invalid("pool", $"pool '{TextRules.Echo(pool)}' does not exist"));
        }

        return role == ApiRole.Department ? (null, Failure.Invalid("tenant", "a department key must name the tenant it acts for"))
            : (Resource.WholeTree(ResourceKind.Key), null);
    }

    private (KeyGrant? Grant, Failure? Invalid) Parse(CreateKeyRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var role = Access.Roles.Parse(body.Role);
        if (role is null)
        {
            errors["role"] = [$"must be one of {string.Join(", ", Access.Roles.Names.Select(n => $"'{n}'"))}"];
        }

        foreach (var (field, value) in new[] { ("tenant", body.Tenant), ("pool", body.Pool) })
        {
            if (value is not null && !Identifier.IsValid(value))
            {
                errors[field] = [$"is not valid: {Identifier.Rule}"];
            }
        }

        if (body.Name is { } name && (name.Length > MaxName || name.Any(char.IsControl)))
        {
            errors["name"] = [$"must be at most {MaxName} characters, none of them control characters"];
        }

        if (body.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            errors["expiresAt"] = ["must be in the future"];
        }

        return errors.Count > 0 ? (null, Failure.InvalidFields(errors)) : (new KeyGrant(role!.Value, body.Tenant, body.Pool, body.ExpiresAt), null);
    }

    private static Failure Missing(KeyGrant grant) => grant.Tenant is { } tenant
        ? Failure.Invalid("tenant", $"tenant '{TextRules.Echo(tenant)}' does not exist")
        : Failure.Invalid("pool", $"pool '{TextRules.Echo(grant.Pool)}' does not exist");

    private static string Describe(ApiKeyView k) =>
        $"{Access.Roles.Name(k.Role)} key" + (k.Name is null ? "" : $" '{k.Name}'") + (k.Tenant is null ? "" : $" for tenant '{k.Tenant}'")
        + (k.Pool is null ? "" : $" scoped to pool '{k.Pool}'") + (k.ExpiresAt is { } e ? $", expires {e:O}" : "")
        + (k.RevokedAt is { } r ? $", revoked {r:O}" : "");
}
