using Microsoft.Playwright;

namespace Portal.Testbed.Browser;

/// <summary>Debian's Chromium driven by Playwright (its own browser download is not available here).</summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return new ChromiumBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser profile (own cookies) pointed at <paramref name="baseAddress"/>. It asks for reduced motion unless told
    /// otherwise: the portal then stops its animations (app.css), and headless Chromium, which paints without a GPU, no
    /// longer spends a fifth of a core on every spinner a page shows while a test waits on it.
    /// Its waits leave room for a loaded machine (90 s for a navigation, 60 s for an action instead of Playwright's 30 s):
    /// the E2E tests run beside the build and the integration tests on two cores, where a portal's answer over its circuit
    /// can take many seconds.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, bool reducedMotion = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        context.SetDefaultTimeout(ActionTimeout);
        return context;
    }

    public const float NavigationTimeout = 90_000;

    public const float ActionTimeout = 60_000;

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
