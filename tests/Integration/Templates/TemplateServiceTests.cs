using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Exports;
using Portal.Templates;
using Portal.Tests.Integration.Runs;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

namespace Portal.Tests.Integration.Templates;

public sealed class TemplateServiceTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task The_standard_template_exists_from_the_start()
    {
        var templates = await Host.WithAsync<TemplateService, IReadOnlyList<TemplateDto>>(t => t.ListAsync(default));

        var standard = Assert.Single(templates);
        Assert.True(standard.IsStandard);
        Assert.Equal("FROM {DOMINO_DOCKER_IMAGE}\n", standard.Content);
    }

    [Fact]
    public async Task The_list_says_which_path_each_template_takes_and_why()
    {
        await Host.WithAsync<TemplateService, SaveResult>(t => t.SaveAsync(null,
            new TemplateForm { Name = "Labelled", Content = "FROM {DOMINO_DOCKER_IMAGE}\nLABEL team=\"data\"\n" }, default));
        await Host.WithAsync<TemplateService, SaveResult>(t => t.SaveAsync(null,
            new TemplateForm { Name = "Builds", Content = "FROM {DOMINO_DOCKER_IMAGE}\nRUN pip install pandas\n" }, default));

        var templates = (await Host.WithAsync<TemplateService, IReadOnlyList<TemplateDto>>(t => t.ListAsync(default))).ToDictionary(t => t.Name);

        Assert.Equal("Registry", templates["Standard"].Path);
        Assert.Equal("Registry", templates["Labelled"].Path);
        Assert.Equal("Engine", templates["Builds"].Path);
        Assert.Contains("RUN", templates["Builds"].PathReason, StringComparison.Ordinal);
        Assert.All(templates.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.PathReason)));

        // The export editor's choices carry the same path and reason, so it can say what the chosen template does.
        var options = (await Host.WithAsync<ExportReader, ExportFormOptions>(r => r.FormOptionsAsync(new PortalUser("nobody", "", false), default)))
            .Templates.ToDictionary(t => t.Name);
        Assert.True(options["Standard"].IsStandard);
        Assert.All(templates.Values, t => Assert.Equal((t.Path, t.PathReason), (options[t.Name].Path, options[t.Name].PathReason)));
    }

    [Fact]
    public async Task A_template_must_start_with_the_FROM_placeholder()
    {
        var result = await Host.WithAsync<TemplateService, SaveResult>(t => t.SaveAsync(null,
            new TemplateForm { Name = "Broken", Content = "FROM ubuntu:22.04\nRUN true\n" }, default));

        Assert.False(result.Succeeded);
        Assert.Contains("{DOMINO_DOCKER_IMAGE}", result.ErrorFor(nameof(TemplateForm.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_in_use_cannot_be_deleted_and_an_unused_one_can()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host);
        var extra = await Host.WithAsync<TemplateService, SaveResult>(t => t.SaveAsync(null,
            new TemplateForm { Name = "Labelled", Content = "FROM {DOMINO_DOCKER_IMAGE}\nLABEL team=\"data\"\n" }, default));

        var inUse = await Host.WithAsync<TemplateService, SaveResult>(t => t.DeleteAsync(DockerfileTemplate.StandardId, default));
        var unused = await Host.WithAsync<TemplateService, SaveResult>(t => t.DeleteAsync(extra.Id!.Value, default));

        Assert.False(inUse.Succeeded);
        Assert.Contains($"{scenario.Group}/{scenario.Name}", inUse.ErrorFor(""), StringComparison.Ordinal);
        Assert.True(unused.Succeeded);
    }
}
