using System.Security.Claims;
using CloudMgmt.Portal.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudMgmt.Portal.Tests.Session;

/// <summary>When a console session ends: idle too long, past its lifetime, its credential expired, signed out, or crowded out.</summary>
public sealed class SessionStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
    private readonly ConsoleOptions _options = new() { IdleTimeout = TimeSpan.FromMinutes(30), MaxLifetime = TimeSpan.FromHours(12), MaxSessions = 10 };

    private SessionStore Store() => new(_time, Options.Create(_options));

    private static AuthenticationTicket Ticket(string id, DateTimeOffset? expires = null) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionStore.SessionClaim, id)], "Console")),
            new AuthenticationProperties { ExpiresUtc = expires }, "Console");

    [Fact]
    public async Task Retrieve_UsedWithinIdleTimeout_StandsAndEachUseExtendsIt()
    {
        var store = Store();
        var key = await store.StoreAsync(Ticket("s1"));

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await store.RetrieveAsync(key));
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.True(store.Touch(key));
        _time.Advance(TimeSpan.FromMinutes(29));

        Assert.NotNull(store.Live(key));
    }

    [Fact]
    public async Task Retrieve_IdleForTheTimeout_HasEnded()
    {
        var store = Store();
        var key = await store.StoreAsync(Ticket("s1"));

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(store.Live(key)); // an open page's check does not revive it either
        Assert.Null(await store.RetrieveAsync(key));
        Assert.False(store.Touch(key));
    }

    [Fact]
    public async Task Retrieve_InUseButPastMaxLifetime_HasEnded()
    {
        var store = Store();
        var key = await store.StoreAsync(Ticket("s1"));
        for (var i = 0; i < 12 * 4 - 1; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            Assert.True(store.Touch(key));
        }

        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Retrieve_CredentialExpiresBeforeLifetime_EndsWithIt()
    {
        var store = Store();
        var key = await store.StoreAsync(Ticket("s1", _time.GetUtcNow().AddMinutes(10)));

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Remove_SignedOut_TheSameKeyNoLongerRetrieves()
    {
        var store = Store();
        var key = await store.StoreAsync(Ticket("s1"));

        await store.RemoveAsync(key);

        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Store_NodeFull_EndsTheSessionIdleLongest()
    {
        var store = Store();
        for (var i = 0; i < 10; i++)
        {
            await store.StoreAsync(Ticket($"s{i}"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        store.Touch("s0"); // s0 is in use; s1 is now the one idle longest

        await store.StoreAsync(Ticket("s10"));

        Assert.Equal(10, store.Count);
        Assert.NotNull(store.Live("s0"));
        Assert.Null(store.Live("s1"));
        Assert.NotNull(store.Live("s10"));
    }

    [Fact]
    public async Task Store_TicketWithoutSessionId_IsRefused()
    {
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("Console")), "Console");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store().StoreAsync(ticket));
    }
}
