using Bunit;
using Portal.Client.Templates;
using Portal.Tests.Unit.Support;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

namespace Portal.Tests.Unit.Templates;

public sealed class TemplatesTests : ComponentTest
{
    public TemplatesTests() => SignInAsAdmin();

    [Theory]
    [InlineData("FROM {DOMINO_DOCKER_IMAGE}\nLABEL team=data")]
    [InlineData("# syntax=docker/dockerfile:1\n\nfrom {DOMINO_DOCKER_IMAGE} AS base\nRUN true")]
    public void Accepts_a_template_whose_first_instruction_is_the_placeholder(string content) =>
        Assert.Null(TemplateRules.FirstLineProblem(content));

    [Theory]
    [InlineData("", "The template is empty: start it with FROM {DOMINO_DOCKER_IMAGE}")]
    [InlineData("RUN echo hi\nFROM {DOMINO_DOCKER_IMAGE}", "The first instruction must be FROM {DOMINO_DOCKER_IMAGE}, not 'RUN echo hi'")]
    [InlineData("FROM python:3.12", "The first instruction must be FROM {DOMINO_DOCKER_IMAGE}, not 'FROM python:3.12'")]
    public void Names_what_is_wrong_with_the_first_line(string content, string problem) =>
        Assert.Equal(problem, TemplateRules.FirstLineProblem(content));

    [Fact]
    public void Lists_templates_with_the_standard_badge_and_how_many_exports_use_them()
    {
        Templates.Items.Add(new TemplateDto(1, "Standard", "FROM {DOMINO_DOCKER_IMAGE}\n", true, 3, Portal.Tests.Unit.Support.Fakes.Samples.Start));
        Templates.Items.Add(new TemplateDto(2, "With labels", "FROM {DOMINO_DOCKER_IMAGE}\nLABEL a=b\n", false, 1, Portal.Tests.Unit.Support.Fakes.Samples.Start));

        var page = Render<TemplatesPage>();

        var rows = page.FindAll("tbody tr");
        Assert.Contains("standard", rows[0].TextContent);
        Assert.Contains("3 exports", rows[0].TextContent);
        Assert.DoesNotContain("standard", rows[1].TextContent);
        Assert.Contains("1 export", rows[1].TextContent);
    }

    [Fact]
    public void Says_which_path_each_templates_exports_take_and_why()
    {
        Templates.Items.Add(new TemplateDto(1, "Standard", "FROM {DOMINO_DOCKER_IMAGE}\n", true, 3, Portal.Tests.Unit.Support.Fakes.Samples.Start,
            "Registry", "Only FROM: the image is copied registry to registry"));
        Templates.Items.Add(new TemplateDto(2, "Builds", "FROM {DOMINO_DOCKER_IMAGE}\nRUN make\n", false, 1, Portal.Tests.Unit.Support.Fakes.Samples.Start,
            "Engine", "RUN needs a build: built by the Docker engine"));

        var page = Render<TemplatesPage>();

        var paths = page.FindAll("[data-testid=template-path]");
        Assert.Contains("registry copy, no Docker engine", paths[0].TextContent);
        Assert.Contains("Only FROM: the image is copied registry to registry", paths[0].TextContent);
        Assert.Contains("Docker engine build", paths[1].TextContent);
        Assert.Contains("RUN needs a build", paths[1].TextContent);
    }

    [Fact]
    public void A_template_in_use_is_not_deleted_and_the_servers_message_says_why()
    {
        Templates.Items.Add(new TemplateDto(2, "With labels", "FROM {DOMINO_DOCKER_IMAGE}\n", false, 1, Portal.Tests.Unit.Support.Fakes.Samples.Start));
        Templates.DeleteResult = SaveResult.Invalid("", "Exports use this template (team/model): change them first.");
        var providers = RenderProviders();
        var page = Render<TemplatesPage>();

        page.Find("button[aria-label='Delete With labels']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Delete With labels?", providers.Markup));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("Exports use this template (team/model): change them first.", page.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void The_editor_flags_a_wrong_first_line_as_it_is_typed()
    {
        var providers = RenderProviders();
        var page = Render<TemplatesPage>();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "New template").Click();
        providers.WaitForElement("textarea").Input("RUN apt-get update");

        providers.WaitForAssertion(() => Assert.Contains("The first instruction must be FROM {DOMINO_DOCKER_IMAGE}, not 'RUN apt-get update'",
            providers.Find(".mud-input-helper-text.mud-input-error").TextContent));
        Assert.Contains("monospace", providers.Find("textarea").ParentElement!.ParentElement!.OuterHtml);
    }
}
