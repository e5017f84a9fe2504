using CloudMgmt.Host.Auth.Oidc;
using CloudMgmt.Portal.Session;
using Microsoft.AspNetCore.Authentication;

namespace CloudMgmt.Host.Auth;

/// <summary>
/// Two channels, two kinds of credential, chosen by path: the API (/api) and the metrics (/metrics)
/// take bearer tokens only (API keys, OpenID Connect tokens), and the console (everything else)
/// takes its session cookie only. A console cookie never authenticates an API call, so no
/// cross-site page can act with it, and a bearer token never opens a console page.
/// </summary>
internal static class Channels
{
    public const string Scheme = "Channel";

    public static bool IsBearer(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/metrics");

    public static AuthenticationBuilder AddChannels(this AuthenticationBuilder auth) =>
        auth.AddPolicyScheme(Scheme, "API and metrics (bearer) or console (session cookie), by path", o => o.ForwardDefaultSelector = context =>
            IsBearer(context.Request.Path) ? OidcSetup.Selector : ConsoleSessions.Scheme);
}
