using CloudMgmt.Application.Access;
using CloudMgmt.Host.Api;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CloudMgmt.Host.Auth.Oidc;

/// <summary>
/// ASP.NET Core's JwtBearer for the province's identity provider, beside the API keys: a request's
/// bearer token goes to JwtBearer when it has the shape of a JWT and OIDC is configured, to the API
/// key handler otherwise. Both end in the same claims (<see cref="PrincipalClaims"/>) and the same 401.
/// </summary>
internal static class OidcSetup
{
    public const string Scheme = "Oidc";

    /// <summary>The default scheme: picks the handler for each request's token.</summary>
    public const string Selector = "Bearer";

    public static AuthenticationBuilder AddCloudMgmtOidc(this AuthenticationBuilder auth)
    {
        auth.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        auth.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        auth.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<OidcOptions>>((jwt, oidc) => Configure(jwt, oidc.Value));
        auth.AddJwtBearer(Scheme, _ => { });
        auth.AddPolicyScheme(Selector, "API key or OpenID Connect token", o => o.ForwardDefaultSelector = context =>
            context.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled && LooksLikeJwt(context.Request.Headers.Authorization.ToString())
                ? Scheme
                : ApiKeyAuthenticationHandler.SchemeName);
        return auth;
    }

    /// <summary>A JWT is three base64url parts; an API key (cmk_…) or the operator token never has two dots.</summary>
    private static bool LooksLikeJwt(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.AsSpan(7).Trim().Count('.') == 2;

    private static void Configure(JwtBearerOptions jwt, OidcOptions oidc)
    {
        if (!oidc.Enabled)
        {
            return;
        }

        jwt.Authority = oidc.Authority;
        jwt.Audience = oidc.Audience;
        jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        jwt.MapInboundClaims = false; // keep the provider's claim names: the mapping below reads them as configured
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true, // against the discovery document's issuer
            ValidateAudience = true,
            ValidAudience = oidc.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = oidc.ClockSkew,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var (principal, refusal) = OidcClaimMapping.Map(context.Principal!, oidc);
                if (principal is null)
                {
                    AuthRefusal.Note(context.HttpContext, "oidc", context.Principal!.FindFirst("sub")?.Value, refusal!);
                    context.Fail(refusal!);
                    return Task.CompletedTask;
                }

                context.Principal = PrincipalClaims.ToClaimsPrincipal(principal, Scheme);
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                AuthRefusal.Note(context.HttpContext, "oidc", null, Why(context.Exception));
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required",
                    "the bearer token is not valid here: " + (AuthRefusal.ReasonOf(context.HttpContext) ?? "no token"));
            },
        };
    }

    /// <summary>Why a token failed, in words that say which check, never the token.</summary>
    private static string Why(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token is from another issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not verify",
        SecurityTokenNoExpirationException => "the token has no expiry",
        _ => "the token could not be validated",
    };
}
