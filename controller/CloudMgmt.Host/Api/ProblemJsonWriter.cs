using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Host.Api;

/// <summary>
/// Writes every problem the host produces (status code pages for 404, 405, 411, 413, 414, 415, 429...,
/// and the exception handler's) as application/problem+json whatever the client's Accept header
/// says. The framework's own writer steps aside when Accept names neither JSON nor problem+json
/// and leaves a text/plain page or an empty body; a client that parses errors needs one format.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Type ??= "about:blank";
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        // The runtime type, so that a validation problem keeps its 'errors'.
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, Problems.ContentType));
    }
}
