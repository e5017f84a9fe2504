using CloudMgmt.Application.Access;

namespace CloudMgmt.Application;

/// <summary>
/// Who calls a use case, and from where: the principal, the source address (or "console", or the
/// controller itself), and the request id that ties the audit record to the logs.
/// </summary>
public sealed record Caller(Principal Principal, string? Source = null, string? RequestId = null)
{
    public static Caller System(Principal system) => new(system, "controller");

    /// <summary>"kind:id": how allocation histories name who did something.</summary>
    public string Ref => Principal.Ref;
}
