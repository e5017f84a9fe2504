using CloudMgmt.Grains;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>RFC 7807 problem details for every error the API returns.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult From(Failure failure)
    {
        if (failure.Errors is { } errors)
        {
            return Invalid(errors.ToDictionary(e => e.Key, e => e.Value));
        }

        var (status, title) = failure.Kind switch
        {
            FailureKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            FailureKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            FailureKind.QuotaExceeded => (StatusCodes.Status409Conflict, "Quota exceeded"),
            FailureKind.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed"),
            FailureKind.Unplaceable => (StatusCodes.Status409Conflict, "No cloud can hold the request"),
            _ => (StatusCodes.Status400BadRequest, "Invalid request"),
        };
        var extensions = new Dictionary<string, object?>();
        if (failure.Field is not null)
        {
            extensions["field"] = failure.Field;
        }

        if (failure.Kind == FailureKind.Invalid && failure.Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [failure.Field] = [failure.Detail] };
        }

        if (failure.Shortfalls is { Count: > 0 } shortfalls)
        {
            extensions["shortfalls"] = shortfalls.Select(Application.Allocations.ShortfallResponse.From).ToList();
        }

        if (Application.Allocations.PlacementResponse.Parse(failure.PlacementJson) is { } placement)
        {
            extensions["verdicts"] = placement.Refusals();
            extensions["placement"] = placement;
        }

        if (failure.Allocation is not null)
        {
            extensions["allocation"] = failure.Allocation;
        }

        return Results.Problem(failure.Detail, statusCode: status, title: title,
            type: "https://cloudmgmt.dev/problems/" + failure.Kind.ToString().ToLowerInvariant(), extensions: extensions);
    }

    /// <summary>A 400 listing every invalid field, each with what is wrong and what is expected.</summary>
    /// <remarks>'field' names the first of them, as in every other problem that is about one field.</remarks>
    public static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid request", type: "https://cloudmgmt.dev/problems/invalid",
            detail: "the request has invalid fields; nothing was changed",
            extensions: errors.Count == 0 ? null : new Dictionary<string, object?> { ["field"] = errors.Keys.First() });

    public static IResult NotFound(string what) => From(Failure.NotFound(what));

    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null, contentType: ContentType);
    }

    public static IResult Of<T>(Outcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.Failure is { } f ? From(f) : onSuccess(outcome.Value!);
}
