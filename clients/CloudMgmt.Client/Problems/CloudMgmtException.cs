namespace CloudMgmt.Client.Problems;

/// <summary>
/// The base of every rejection the API answers with: catch this to handle them all, or a subclass for one
/// kind. <see cref="Problem"/> carries the title, the detail, the field at fault and the shortfalls.
/// </summary>
public class CloudMgmtException : Exception
{
    /// <summary>Wraps a problem.</summary>
    public CloudMgmtException(Problem problem)
        : base(Describe(problem)) => Problem = problem;

    /// <summary>Wraps a problem and what caused it.</summary>
    public CloudMgmtException(Problem problem, Exception inner)
        : base(Describe(problem), inner) => Problem = problem;

    /// <summary>The problem the server answered with.</summary>
    public Problem Problem { get; }

    /// <summary>The HTTP status.</summary>
    public int Status => Problem.Status;

    /// <summary>The field at fault, if any: the problem's <c>field</c>, else the only invalid field.</summary>
    public string? Field => Problem.Field ?? (Problem.Errors.Count == 1 ? Problem.Errors.Keys.First() : null);

    internal static CloudMgmtException For(Problem problem) => problem.Status switch
    {
        400 or 422 => new InvalidRequestException(problem),
        401 or 403 => new NotAuthorizedException(problem),
        404 => new NotFoundException(problem),
        409 when problem.Shortfalls.Count > 0 => new QuotaExceededException(problem),
        409 when problem.Verdicts is not null => new UnplaceableException(problem),
        409 or 412 => new ConflictException(problem),
        429 => new RateLimitedException(problem),
        503 => new ServiceUnavailableException(problem),
        _ => new CloudMgmtException(problem),
    };

    private static string Describe(Problem p)
    {
        var text = $"{p.Status} {p.Title}";
        if (p.Detail is not null)
        {
            text += ": " + p.Detail;
        }

        if (p.Field is not null)
        {
            text += $" (field '{p.Field}')";
        }

        return p.Verdicts is not { Count: > 0 } verdicts ? text
            : text + string.Concat(verdicts.Select(v => $"\n  {v.Cloud}: {string.Join("; ", v.Reasons)}"));
    }
}

/// <summary>400: the request is invalid; <see cref="Problem.Errors"/> names every bad field. Nothing was changed.</summary>
public sealed class InvalidRequestException(Problem problem) : CloudMgmtException(problem);

/// <summary>401 or 403: no valid key, or the key's role may not do this.</summary>
public sealed class NotAuthorizedException(Problem problem) : CloudMgmtException(problem);

/// <summary>404: it does not exist, or this key may not see it.</summary>
public sealed class NotFoundException(Problem problem) : CloudMgmtException(problem);

/// <summary>409: the request conflicts with the current state (it exists already, or its status does not allow it).</summary>
public class ConflictException(Problem problem) : CloudMgmtException(problem);

/// <summary>409 with shortfalls: the request does not fit the quota tree; <see cref="Shortfalls"/> says who is short of what.</summary>
public sealed class QuotaExceededException(Problem problem) : ConflictException(problem)
{
    /// <summary>Which pool is short of which resource, and by how much.</summary>
    public IReadOnlyList<Models.Shortfall> Shortfalls => Problem.Shortfalls;
}

/// <summary>
/// 409 unplaceable: no registered cloud can hold the request; <see cref="Verdicts"/> says why, cloud by cloud.
/// Nothing was reserved or charged (an <see cref="Problem.Allocation"/> named here is Failed and holds nothing).
/// </summary>
public sealed class UnplaceableException(Problem problem) : ConflictException(problem)
{
    /// <summary>Each cloud that cannot hold the request, and why.</summary>
    public IReadOnlyList<Models.CloudRefusal> Verdicts => Problem.Verdicts ?? [];
}

/// <summary>429 after the client's retries: too many requests; <see cref="Problem.RetryAfter"/> says how long to wait.</summary>
public sealed class RateLimitedException(Problem problem) : CloudMgmtException(problem);

/// <summary>503 after the client's retries: the controller is starting, draining or overloaded.</summary>
public sealed class ServiceUnavailableException(Problem problem) : CloudMgmtException(problem);

/// <summary>A success answer this client could not read (a field it does not know, a missing one): the API and the client differ.</summary>
public sealed class UnexpectedResponseException(Problem problem, Exception inner) : CloudMgmtException(problem, inner);
