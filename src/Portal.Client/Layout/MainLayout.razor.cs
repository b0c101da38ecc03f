using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Portal.Client.Layout;

public sealed partial class MainLayout
{
    private const string DarkModeKey = "portal.darkMode";
    private MudThemeProvider themeProvider = default!;
    private bool drawerOpen = true;
    private bool isDarkMode;
    private bool themeLoaded;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }
        var stored = await JS.InvokeAsync<string?>("localStorage.getItem", DarkModeKey);
        isDarkMode = stored is null ? await themeProvider.GetSystemDarkModeAsync() : stored == "true";
        // The toggle appears only now, so a click cannot race the stored preference.
        themeLoaded = true;
        StateHasChanged();
    }

    private async Task ToggleDarkModeAsync()
    {
        isDarkMode = !isDarkMode;
        await JS.InvokeVoidAsync("localStorage.setItem", DarkModeKey, isDarkMode ? "true" : "false");
    }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) => StateHasChanged();

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
