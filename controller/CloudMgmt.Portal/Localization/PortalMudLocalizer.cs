using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CloudMgmt.Portal.Localization;

/// <summary>
/// MudBlazor's own words (pagers, dialogs, inputs) in the console's language: keys found in our
/// catalogue under "mud." win; anything else falls back to MudBlazor's built-in English.
/// </summary>
internal sealed class PortalMudLocalizer(ConsoleLanguage language) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        language.Texts.Find("mud." + key) is { } text ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);
}
