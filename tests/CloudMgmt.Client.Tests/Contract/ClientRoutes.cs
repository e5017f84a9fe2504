using System.Reflection;
using CloudMgmt.Client.Http;
using Refit;

namespace CloudMgmt.Client.Tests.Contract;

/// <summary>One Refit method of the client, as the contract test compares it: route, parameters, body and result types.</summary>
internal sealed record ClientRoute(
    MethodInfo Method, string HttpMethod, string Path, IReadOnlyDictionary<string, (string In, Type Type)> Parameters, ParameterInfo? Body,
    string BodyType, Type? Result)
{
    public string Key => $"{HttpMethod} {Path}";

    public static IEnumerable<ClientRoute> All() => typeof(ICloudMgmtApi).GetMethods().Select(From);

    private static ClientRoute From(MethodInfo method)
    {
        var verb = method.GetCustomAttribute<HttpMethodAttribute>() ?? throw new InvalidOperationException($"{method.Name} has no route");
        var (path, fixedQuery) = Split(verb.Path);
        var parameters = new Dictionary<string, (string, Type)>(StringComparer.Ordinal);
        foreach (var (name, value) in fixedQuery)
        {
            parameters[name] = ("query", bool.TryParse(value, out _) ? typeof(bool) : long.TryParse(value, out _) ? typeof(long) : typeof(string));
        }

        ParameterInfo? body = null;
        foreach (var p in method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
        {
            if (p.GetCustomAttribute<BodyAttribute>() is not null)
            {
                body = p;
            }
            else if (p.GetCustomAttribute<HeaderAttribute>() is { } header)
            {
                parameters[header.Header] = ("header", p.ParameterType);
            }
            else if (p.GetCustomAttribute<QueryAttribute>() is not null)
            {
                parameters[p.GetCustomAttribute<AliasAsAttribute>()?.Name ?? p.Name!] = ("query", p.ParameterType);
            }
            else
            {
                parameters[p.Name!] = ("path", p.ParameterType);
            }
        }

        var result = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
        var contentType = method.GetCustomAttribute<HeadersAttribute>()?.Headers
            .Select(h => h.Split(':', 2)).FirstOrDefault(h => h[0].Trim() == "Content-Type")?[1].Trim() ?? "application/json";
        return new ClientRoute(method, verb.Method.Method, path, parameters, body, contentType, result);
    }

    /// <summary>The path, and the query parameters written into the route itself (?dryRun=true), typed by their value.</summary>
    private static (string Path, (string Name, string Value)[] Query) Split(string route)
    {
        var q = route.IndexOf('?');
        return q < 0 ? (route, []) : (route[..q], route[(q + 1)..].Split('&').Select(kv => (kv.Split('=')[0], kv.Split('=')[1])).ToArray());
    }
}
