using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

public static class Documents
{
    /// <summary>
    /// After a form post: waits until the document the answer led to is parsed. Polled in the page, so it holds across the
    /// redirects a post answers with; Playwright's own wait for DOMContentLoaded, asked while such a navigation was under
    /// way, once waited 90 s on a loaded machine with the page long loaded ("Load" and "NetworkIdle" fired meanwhile).
    /// </summary>
    public static Task ReadyAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { PollingInterval = 100 });
}
