using CloudMgmt.Grains;

namespace CloudMgmt.Application.Audit;

/// <summary>
/// The status each answer is given, recorded as a record's outcome: the HTTP status of the request,
/// whatever the channel (a console's call is recorded with the status the API would have answered).
/// </summary>
public static class Outcomes
{
    public const int Ok = 200;
    public const int Created = 201;
    public const int Accepted = 202;
    public const int NoContent = 204;

    public static int Of(FailureKind kind) => kind switch
    {
        FailureKind.NotFound => 404,
        FailureKind.Conflict or FailureKind.QuotaExceeded or FailureKind.Unplaceable => 409,
        FailureKind.Forbidden => 403,
        _ => 400,
    };
}
