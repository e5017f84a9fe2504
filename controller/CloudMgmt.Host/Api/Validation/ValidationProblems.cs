using CloudMgmt.Application;

namespace CloudMgmt.Host.Api;

/// <summary>The 400 problem of a <see cref="Validation"/> (which lives in the application layer, so every channel checks alike).</summary>
internal static class ValidationProblems
{
    public static IResult Problem(this Validation v) => Problems.Invalid(v.Errors);
}
