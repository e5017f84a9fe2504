using CloudMgmt.Portal.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Portal.Session;

/// <summary>
/// The console's cookie: HttpOnly, Secure, SameSite=Strict, host-only (the __Host- prefix), a browser
/// session cookie carrying only the encrypted session id; the session itself is in <see cref="SessionStore"/>.
/// </summary>
internal static class SessionSetup
{
    public const string CookieName = "__Host-cloudmgmt-console";

    public static void AddConsoleSessions(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ConsoleSessions>();
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationState>();
        services.AddAuthentication().AddCookie(ConsoleSessions.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ConsoleSessions.Scheme).Configure<SessionStore, IOptions<ConsoleOptions>>((cookie, store, session) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";
            cookie.SessionStore = store;
            cookie.ExpireTimeSpan = session.Value.MaxLifetime; // idle time and lifetime are the store's to enforce
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/signin";
            cookie.LogoutPath = "/signout";
            cookie.AccessDeniedPath = "/signin";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (!await context.HttpContext.RequestServices.GetRequiredService<ConsoleSessions>().StandsAsync(context.Principal!))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(ConsoleSessions.Scheme);
                }
            };
        });
        services.Configure<AntiforgeryOptions>(o =>
        {
            // Half of a form's token pair, no credential: Secure over https, and usable on http://localhost,
            // where the session cookie's Secure flag is honoured by browsers but antiforgery would refuse to run.
            o.Cookie.Name = "cloudmgmt-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>Sign-out (a form POST with its antiforgery token) and the language link of the sign-in page.</summary>
    public static void MapConsoleSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            // Checked here: the antiforgery middleware only marks the request, and this endpoint binds no form that would refuse it.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                    detail: "the sign-out form's antiforgery token is missing or invalid; nothing was changed");
            }

            await http.SignOutAsync(ConsoleSessions.Scheme); // removes the session from the store, then the cookie
            return Results.LocalRedirect("/signin?ended=signout");
        }).DisableAntiforgery().ExcludeFromDescription(); // a cross-site form cannot sign anyone out

        endpoints.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            if (Language.FromCode(code) is { } language)
            {
                http.Response.Cookies.Append(LanguageNegotiation.CookieName, language.Code, new CookieOptions
                {
                    Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, HttpOnly = false,
                });
            }

            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();
    }
}
