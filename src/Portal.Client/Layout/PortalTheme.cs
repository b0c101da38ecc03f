using MudBlazor;

namespace Portal.Client.Layout;

/// <summary>
/// The portal's colours. Every text and every filled chip or button meets WCAG AA (4.5:1, checked by axe-core in the
/// first-run E2E): the light theme fills with dark tones under white text; the dark theme uses light tones, and fills
/// carry near-black text. MudBlazor's defaults (white on #00c853 is 2.2:1) do not.
/// </summary>
public static class PortalTheme
{
    private const string NearBlack = "#111318";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#0b7285",
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#b45309",
            Error = "#c62828",
            AppbarBackground = "#1f2a44",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9aaeff",
            PrimaryContrastText = NearBlack,
            Secondary = "#3bc9db",
            SecondaryContrastText = NearBlack,
            Success = "#66bb6a",
            SuccessContrastText = NearBlack,
            Info = "#64b5f6",
            InfoContrastText = NearBlack,
            Warning = "#ffb74d",
            WarningContrastText = NearBlack,
            Error = "#ff8a80",
            ErrorContrastText = NearBlack,
            TextSecondary = "#b8b9be",
            // Alerts write in the "darken" tone; on a dark page that must stay the light one.
            PrimaryDarken = "#9aaeff",
            SecondaryDarken = "#3bc9db",
            SuccessDarken = "#66bb6a",
            InfoDarken = "#64b5f6",
            WarningDarken = "#ffb74d",
            ErrorDarken = "#ff8a80",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
