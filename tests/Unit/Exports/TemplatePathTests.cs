using Bunit;
using Portal.Client.Exports;
using Portal.Contracts.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Exports;

/// <summary>The editor says how the chosen template makes the image (registry copy or engine build) and why.</summary>
public sealed class TemplatePathTests : ComponentTest
{
    private static readonly TemplateOption Conda =
        new(2, "Conda extras", Path: "Engine", PathReason: "RUN on line 2 needs a build engine");

    [Fact]
    public void No_template_chosen_reads_the_standard_templates_path()
    {
        var targets = RenderTargets(new ExportForm { Kind = ExportKind.Environment, TemplateId = null });

        var line = targets.Find("[data-testid=template-path]").TextContent;
        Assert.Contains("Registry copy, no Docker engine", line);
        Assert.Contains("“Standard”: only names the environment's image", line);
    }

    [Fact]
    public void A_template_that_needs_a_build_says_so_and_why()
    {
        var targets = RenderTargets(new ExportForm { Kind = ExportKind.Environment, TemplateId = 2 });

        var line = targets.Find("[data-testid=template-path]").TextContent;
        Assert.Contains("Docker engine build", line);
        Assert.Contains("RUN on line 2 needs a build engine", line);
        Assert.DoesNotContain("Registry copy", line);
    }

    [Fact]
    public void Nothing_is_said_while_the_image_is_off()
    {
        var targets = RenderTargets(new ExportForm { Kind = ExportKind.Project, ExportFiles = true, ExportImage = false });

        Assert.Empty(targets.FindAll("[data-testid=template-path]"));
    }

    private IRenderedComponent<ExportTargets> RenderTargets(ExportForm form) =>
        Render<ExportTargets>(p => p
            .Add(t => t.Model, form)
            .Add(t => t.Options, Samples.FormOptions() with { Templates = [.. Samples.FormOptions().Templates, Conda] }));
}
