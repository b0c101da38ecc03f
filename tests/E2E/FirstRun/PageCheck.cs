using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.FirstRun;

/// <summary>
/// Looks at one page as it is: no sideways scroll (the document is no wider than the window), on a phone no table left
/// as a table (each becomes cards), no serious or critical axe-core violation, and a screenshot named for the page, the
/// theme and the screen. Also checks that keyboard focus shows a ring that can be seen (WCAG 2.4.7 and 1.4.11).
/// </summary>
public sealed class PageCheck(IPage page, Screenshots shots)
{
    private readonly List<string> problems = [];

    /// <summary>What every look found wrong, one line each (asserted empty at the end, so one run shows them all).</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>Switches the theme the way the toggle stores it; the next page load applies it.</summary>
    public Task UseThemeAsync(bool dark) =>
        page.EvaluateAsync($"localStorage.setItem('portal.darkMode', '{(dark ? "true" : "false")}')");

    public async Task LookAsync(string path, string name, string screen, bool dark)
    {
        await page.GotoAsync(path);
        // The theme toggle appears once the page runs interactively with the stored theme applied.
        // Twenty page loads on a shared machine: each gets a minute to become interactive.
        await Expect(new PortalShell(page).DarkModeToggle).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Loading" })).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var label = $"{name} ({screen}, {(dark ? "dark" : "light")})";
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1]) problems.Add($"{label}: scrolls sideways, document {widths[0]} px wide in a {widths[1]} px window");
        if (widths[1] < 600)
            foreach (var table in await page.EvaluateAsync<string[]>(TablesLeftAsTables))
                problems.Add($"{label}: the table '{table}' stays a table on a phone instead of becoming cards");
        foreach (var violation in await AxeCheck.SeriousViolationsAsync(page)) problems.Add($"{label}: {violation}");
        await shots.TakeAsync(page, $"{name}-{screen}-{(dark ? "dark" : "light")}");
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus, then checks the ring it shows: a solid outline at least
    /// 2 px wide whose colour stands out 3:1 from the background behind the element.
    /// </summary>
    public async Task FocusRingAsync(ILocator target, string name)
    {
        await Expect(target).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.Locator("body").FocusAsync();
        for (var presses = 0; presses < 150 && !await target.EvaluateAsync<bool>("e => e.contains(document.activeElement)"); presses++)
            await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<FocusRing?>(FocusedRing);
        if (ring is null) problems.Add($"{name}: Tab never reached it");
        else if (!ring.FocusVisible || ring.Style is "none" || ring.Width < 2 || ring.Contrast < 3)
            problems.Add($"{name}: focus ring too faint ({ring.Style} {ring.Width} px, contrast {ring.Contrast:0.00}:1, focus-visible {ring.FocusVisible})");
    }

    public sealed class FocusRing
    {
        public bool FocusVisible { get; set; }

        public string Style { get; set; } = "";

        public double Width { get; set; }

        public double Contrast { get; set; }
    }

    /// <summary>The visible cells of tables in the page's content that still lay out as table cells: (its test id or class).</summary>
    private const string TablesLeftAsTables = """
        () => [...new Set([...document.querySelectorAll('.mud-main-content td, .mud-main-content th')]
            .filter(c => c.getClientRects().length > 0 && getComputedStyle(c).display === 'table-cell')
            .map(c => c.closest('[data-testid]')?.dataset.testid ?? c.closest('.mud-table')?.className ?? 'table'))]
        """;

    /// <summary>The focused element's outline and its contrast against the first opaque background behind it.</summary>
    private const string FocusedRing = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
            let back = null;
            for (let n = el.parentElement; n && !back; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) back = c; }
            back = back ?? { r: 255, g: 255, b: 255 };
            const s = getComputedStyle(el);
            const ring = parse(s.outlineColor) ?? back;
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const [a, b] = [lum(ring), lum(back)];
            return { focusVisible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        }
        """;
}
