using CloudMgmt.Application;
using CloudMgmt.Grains;
using CloudMgmt.Portal.Localization;
using CloudMgmt.Portal.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CloudMgmt.Portal.Components;

/// <summary>
/// What every console page shares: the texts of the current language, the caller it acts as (the
/// signed-in principal, through the application layer only), the last problem to show, and the
/// session's activity (each action in the page counts as use, so an open page in use never idles out).
/// </summary>
public abstract class ConsolePage : ComponentBase, IHandleEvent
{
    [CascadingParameter]
    public Texts T { get; set; } = default!;

    [CascadingParameter]
    public Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private ConsoleSessions Sessions { get; set; } = default!;

    /// <summary>The failure of the last call, shown by the page's <see cref="ProblemAlert"/>; null when it succeeded.</summary>
    protected Failure? Problem { get; set; }

    /// <summary>
    /// When the session has just ended (signed out elsewhere, idle, key revoked), the new authentication
    /// state reaches the page before the layout replaces it with the way to sign-in: the page then
    /// loads nothing, rather than acting without a caller.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (Authentication is null || ConsoleSessions.CallerOf((await Authentication).User) is null)
        {
            return;
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>The caller this page acts as.</summary>
    protected async Task<Caller> CallerAsync() =>
        ConsoleSessions.CallerOf((await Authentication).User) ?? throw new InvalidOperationException("a console page rendered without a session");

    /// <summary>Runs a use case as the caller: its value, or null with <see cref="Problem"/> set.</summary>
    protected async Task<TValue?> RunAsync<TValue>(Func<Caller, Task<Outcome<TValue>>> useCase) where TValue : class
    {
        var outcome = await useCase(await CallerAsync());
        Problem = outcome.Failure;
        return outcome.Value;
    }

    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem item, object? arg)
    {
        Sessions.Touch((await Authentication).User);
        var task = item.InvokeAsync(arg);
        var pending = task.Status is not (TaskStatus.RanToCompletion or TaskStatus.Canceled);
        StateHasChanged();
        if (pending)
        {
            try
            {
                await task;
            }
            catch when (task.IsCanceled)
            {
                return; // as ComponentBase: a cancelled handler re-renders nothing more
            }

            StateHasChanged();
        }
    }
}
