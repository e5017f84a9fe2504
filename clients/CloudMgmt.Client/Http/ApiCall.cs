using System.Runtime.ExceptionServices;
using CloudMgmt.Client.Problems;
using Refit;

namespace CloudMgmt.Client.Http;

/// <summary>
/// Runs a Refit call and turns an error response into the typed exception for its problem. A request that got
/// no answer surfaces as what went wrong underneath (HttpRequestException, a timeout), not as Refit's wrapper.
/// </summary>
internal static class ApiCall
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Translate(e);
        }
        catch (ApiRequestException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    public static async Task Run(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Translate(e);
        }
        catch (ApiRequestException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static CloudMgmtException Translate(ApiException e)
    {
        if ((int)e.StatusCode < 400)
        {
            // A success this client could not read: the API changed under it.
            return new UnexpectedResponseException(new Problem((int)e.StatusCode, "Unexpected response", e.InnerException?.Message ?? e.Message,
                null, null, new Dictionary<string, IReadOnlyList<string>>(), [], null), e);
        }

        var retryAfter = e.Headers.RetryAfter?.Delta;
        return CloudMgmtException.For(Problem.Parse(e.StatusCode, e.ReasonPhrase, e.Content, retryAfter));
    }
}
