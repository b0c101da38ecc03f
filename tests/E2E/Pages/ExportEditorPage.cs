using Microsoft.Playwright;

namespace Portal.Tests.E2E.Pages;

/// <summary>/exports/new: the export editor, checked by the server as it is filled in.</summary>
public sealed class ExportEditorPage(IPage page)
{
    public ILocator NextRuns => page.GetByTestId("next-runs").GetByRole(AriaRole.Listitem);

    public async Task OpenAsync()
    {
        await page.GotoAsync("/exports/new");
        await page.GetByRole(AriaRole.Heading, new() { Name = "New export", Level = 1 }).WaitForAsync();
    }

    /// <summary>Picks "owner/project" from the projects the user's Domino key can see.</summary>
    public async Task PickProjectAsync(string ownerAndProject)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Domino project" }).FillAsync(ownerAndProject);
        await page.GetByRole(AriaRole.Option, new() { Name = ownerAndProject, Exact = true }).ClickAsync();
    }

    /// <summary>The project field with what is said under it (its error or its hint).</summary>
    public ILocator ProjectField => page.Locator("[data-field=DominoProjectName]");

    /// <summary>Types owner and project into their own fields (offered when Domino's list fails, or on request).</summary>
    public async Task TypeProjectAsync(string owner, string project)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Project owner", Exact = true }).FillAsync(owner);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Project name", Exact = true }).FillAsync(project);
    }

    public async Task NameAsync(string group, string project)
    {
        await FillAsync("GroupName", page.GetByRole(AriaRole.Textbox, new() { Name = "Export group name" }), group);
        await FillAsync("ProjectName", page.GetByRole(AriaRole.Textbox, new() { Name = "Export project name" }), project);
    }

    /// <summary>
    /// Types into a text field and waits until the portal has the text, as a person sees it: the field's label moves up
    /// (<c>mud-shrink</c>) only once the portal's own render carries the text, and the field still shows it. A field the portal
    /// never heard of is typed once more: on a starved machine (CI, two cores, load 20+) a page running on the server
    /// once lost what was typed, its next render emptying the field, and the test then failed on the export it could not
    /// create rather than on what it checks.
    /// </summary>
    private async Task FillAsync(string field, ILocator box, string text)
    {
        var input = page.Locator($"[data-field={field}] .mud-input");
        for (var attempt = 1; ; attempt++)
        {
            await box.FillAsync(text);
            try
            {
                await Assertions.Expect(input).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-shrink\b"), new() { Timeout = 15_000 });
                await Assertions.Expect(box).ToHaveValueAsync(text, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException e) when (attempt == 1)
            {
                Console.WriteLine($"The portal did not take '{text}' in {field} at the first try ({e.Message.Split('\n')[0]}); typed again.");
            }
        }
    }

    public Task ChooseS3TargetAsync(string name) => ChooseAsync("S3 target", name);

    public Task ChooseRegistryAsync(string name) => ChooseAsync("Registry target", name);

    public Task SetImageExportAsync(bool on) => SetSwitchAsync("Export the environment image", on);

    public Task ChoosePresetAsync(string preset) => page.GetByRole(AriaRole.Group, new() { Name = "Schedule presets" })
        .GetByRole(AriaRole.Button, new() { Name = preset, Exact = true }).ClickAsync();

    public Task TypeCronAsync(string cron) => page.GetByRole(AriaRole.Textbox, new() { Name = "Cron expression" }).FillAsync(cron);

    /// <summary>Creates the export and returns its id from the export page it lands on.</summary>
    public async Task<int> CreateAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Create export" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/exports/\d+$"));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Create export did not reach the export page; the page says: {await WhatThePageSaysAsync()}", e);
        }
        return int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The form's refusals and the portal's own notices (error UI, reconnect dialog), for a failure message.</summary>
    private async Task<string> WhatThePageSaysAsync()
    {
        var said = await page.Locator(".mud-input-error, .mud-alert, #blazor-error-ui, #components-reconnect-modal")
            .EvaluateAllAsync<string[]>("els => els.filter(e => e.checkVisibility()).map(e => e.innerText.trim()).filter(t => t)");
        return said.Length == 0 ? $"nothing visible (at {page.Url})" : string.Join(" | ", said);
    }

    private async Task ChooseAsync(string select, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = select, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
    }

    private async Task SetSwitchAsync(string label, bool on)
    {
        var toggle = page.GetByRole(AriaRole.Switch, new() { Name = label });
        if (await toggle.IsCheckedAsync() != on) await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToBeCheckedAsync(new() { Checked = on });
    }
}
