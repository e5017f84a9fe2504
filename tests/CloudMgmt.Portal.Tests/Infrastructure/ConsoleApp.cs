using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Bunit;
using CloudMgmt.Application.Access;
using CloudMgmt.Grains.Keys;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CloudMgmt.Portal.Tests.Infrastructure;

/// <summary>
/// A real controller in-process (API, silo, application layer; no default clouds), whose services
/// bUnit renders the console's pages with, as a given principal: what a page shows and does is the
/// application layer's answer to that principal, checked against the API. A small tree is seeded:
/// province > health > clinic (a department's tenant), and province > education > school beside it.
/// </summary>
public sealed class ConsoleApp : IAsyncLifetime
{
    public const string Province = "province";
    public const string Health = "health";
    public const string Clinic = "clinic";
    public const string Education = "education";
    public const string School = "school";

    private readonly ConditionalWeakTable<BunitContext, IRenderedComponent<PageHost>> _hosts = [];

    public EmbeddedController Controller { get; } = new();

    public HttpClient Operator { get; private set; } = default!;

    public static Principal UnscopedOperator { get; } = new(PrincipalKind.Key, "key-op", "province-operator", ApiRole.Operator);

    public static Principal HealthOperator { get; } = new(PrincipalKind.Key, "key-hop", "health-operator", ApiRole.Operator, Pool: Health);

    public static Principal Viewer { get; } = new(PrincipalKind.Key, "key-view", "province-viewer", ApiRole.Viewer);

    public static Principal ClinicClerk { get; } = new(PrincipalKind.Key, "key-clinic", "clinic-clerk", ApiRole.Department, Tenant: Clinic);

    public async Task InitializeAsync()
    {
        Operator = Controller.Operator();
        await Operator.Post("/api/v1/pools", new { id = Province, quota = new { vcpu = 256, memoryGiB = 1024 } }).Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/pools", new { id = Health, parent = Province, quota = new { vcpu = 64, memoryGiB = 256 } }).Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/tenants", new { id = Clinic, pool = Health }).Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/pools", new { id = Education, parent = Province, quota = new { vcpu = 64, memoryGiB = 256 } }).Expect(HttpStatusCode.Created);
        await Operator.Post("/api/v1/tenants", new { id = School, pool = Education }).Expect(HttpStatusCode.Created);
    }

    /// <summary>Renders page <typeparamref name="TPage"/> as <paramref name="principal"/>, in <paramref name="language"/> (English by default).</summary>
    public IRenderedComponent<TPage> Render<TPage>(BunitContext context, Principal principal, Language? language = null) where TPage : IComponent
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddFallbackServiceProvider(Controller.Services.CreateScope().ServiceProvider); // the application layer's singletons
        var user = ConsoleSessions.SessionPrincipal(principal);
        var host = context.Render<PageHost>(p => p
            .Add(h => h.Texts, Texts.For(language ?? Language.English))
            .Add(h => h.Authentication, Task.FromResult(new AuthenticationState(user)))
            .AddChildContent<TPage>());
        _hosts.AddOrUpdate(context, host);
        return host.FindComponent<TPage>();
    }

    /// <summary>Presses the button saying <paramref name="yes"/> in the open confirmation dialog (rendered by the page host's dialog provider).</summary>
    public void Confirm(BunitContext context, string yes)
    {
        _hosts.TryGetValue(context, out var host);
        Assert.NotNull(host);
        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".mud-dialog button"), b => b.TextContent.Trim() == yes));
        host.FindAll(".mud-dialog button").First(b => b.TextContent.Trim() == yes).Click();
    }

    public async Task DisposeAsync()
    {
        Operator?.Dispose();
        await Controller.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleAppCollection : ICollectionFixture<ConsoleApp>
{
    public const string Name = "console-app";
}
