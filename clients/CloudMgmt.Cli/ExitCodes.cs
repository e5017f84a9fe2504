using CloudMgmt.Client.Problems;

namespace CloudMgmt.Cli;

/// <summary>What cmctl's exit status means, for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Anything else went wrong (server unreachable, 5xx, rate limited, a wait timed out, bad config).</summary>
    public const int Error = 1;

    /// <summary>The command line is wrong, or the server refused the input as invalid (400); nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>It does not exist (404), or this key may not see it.</summary>
    public const int NotFound = 3;

    /// <summary>Conflict (409), or the request does not fit (quota exceeded, a dry run that would not be admitted, an allocation that ended Failed or Rejected).</summary>
    public const int Conflict = 4;

    /// <summary>No valid key (401), or the key's role may not do this (403).</summary>
    public const int NotAuthorised = 5;

    public static int For(CloudMgmtException e) => e switch
    {
        InvalidRequestException => Usage,
        NotFoundException => NotFound,
        ConflictException => Conflict,
        NotAuthorizedException => NotAuthorised,
        _ => Error,
    };
}
