using CloudMgmt.Application.Access;
using CloudMgmt.Application.Audit;
using CloudMgmt.Domain.Audit;
using CloudMgmt.Host.Api;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Authorization;

namespace CloudMgmt.Host.Auth;

/// <summary>
/// Every request the authorization middleware refuses (401: no valid credentials; 403: a role
/// policy said no) leaves one audit record, stored before the refusal is written. Refusals decided
/// inside the application layer are recorded there, with the operation and the resource.
/// </summary>
internal sealed class RefusalAudit(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private const int MaxPath = 200;
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged || result.Forbidden)
        {
            var refusal = AuthRefusal.Of(context);
            var actor = result.Forbidden && context.User.Caller() is { } caller ? caller.ToActor()
                : refusal is not null ? new AuditActor(refusal.Kind, refusal.Id, null, null, null, null)
                : new AuditActor("anonymous", null, null, null, null, null);
            var detail = !result.Forbidden ? refusal?.Reason ?? "no credentials"
                : context.User.Caller() is { Pool: { } pool } ? $"a caller scoped to pool '{pool}' may not call this endpoint"
                : $"the {actor.Role} role may not call this endpoint";
            var path = context.Request.Path.ToUriComponent(); // encoded: no control characters reach the record
            var target = $"{context.Request.Method} {(path.Length > MaxPath ? path[..MaxPath] + "…" : path)}";
            await audit.RecordAsync(actor, context.Connection.RemoteIpAddress?.ToString(), CallerContext.RequestId(context), "auth.refused",
                target, result.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, detail);
        }

        await _default.HandleAsync(next, context, policy, result);
    }
}
