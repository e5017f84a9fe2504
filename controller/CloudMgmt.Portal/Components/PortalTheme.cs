using MudBlazor;

namespace CloudMgmt.Portal.Components;

/// <summary>The console's look: MudBlazor's Material theme with the system's fonts (nothing fetched from elsewhere), CJK included.</summary>
internal static class PortalTheme
{
    private static readonly string[] Fonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            AppbarBackground = "#16467d",
            Secondary = "#b3261e",
            TextSecondary = "rgba(0,0,0,0.7)", // MudBlazor's default grey is below WCAG contrast on white
            Success = "#1e6b2e", // these three at about 6.5:1 against white, as text and behind white text (the defaults fail axe's color-contrast)
            Warning = "#8a5100",
            Error = "#b3261e",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };
}
