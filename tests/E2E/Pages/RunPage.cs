using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/runs/{id}: status, stages, live progress, parts, images, files, the error and Cancel.</summary>
public sealed class RunPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The run's status chip beside the heading: Queued, Running, Succeeded, Failed, Cancelled, Skipped.</summary>
    public ILocator Status => page.GetByTestId("status-chip").First;

    public ILocator Times => page.GetByTestId("run-times");

    public ILocator Error => page.GetByTestId("run-error");

    public ILocator Stages => page.GetByTestId("stage");

    public ILocator Progress => page.GetByTestId("run-progress");

    public ILocator FilesProgress => page.GetByTestId("files-progress");

    public ILocator BytesProgress => page.GetByTestId("bytes-progress");

    public ILocator ProgressBar => Progress.GetByRole(AriaRole.Progressbar);

    public ILocator Parts => page.GetByTestId("run-parts");

    public ILocator Images => page.GetByTestId("run-images").Locator("tbody tr");

    public ILocator Files => page.GetByTestId("run-files").Locator("tbody tr");

    public ILocator CancelButton => page.GetByRole(AriaRole.Button, new() { Name = "Cancel" });

    public async Task OpenAsync(long id)
    {
        await page.GotoAsync($"/runs/{id}");
        await Heading.WaitForAsync();
    }
}
