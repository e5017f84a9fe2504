using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudMgmt.Portal.Session;

/// <summary>
/// An open page's view of its session: every <see cref="ConsoleOptions.RevalidateEvery"/> it
/// asks whether the session still stands (signed out in another tab, idle too long, past its
/// lifetime, its key revoked, rotated or expired); when it does not, the page turns to the sign-in
/// form without waiting for the next click.
/// </summary>
internal sealed class SessionAuthenticationState(ILoggerFactory logging, ConsoleSessions sessions, IOptions<ConsoleOptions> options)
    : RevalidatingServerAuthenticationStateProvider(logging)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidateEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        state.User.Identity?.IsAuthenticated != true || await sessions.StandsAsync(state.User);
}
