using Microsoft.Extensions.Options;
using Portal.Domain.Images.Templates;

namespace Portal.Domain.Images;

/// <summary>
/// Which path an export's template takes on this deployment, and why: what the templates page and the
/// export editor show, and what decides whether a run needs a node with a Docker engine.
/// </summary>
public sealed class ImageExportPlanner(IOptions<ImagesOptions> options)
{
    public TemplatePlan Plan(DockerTemplate template)
    {
        var plan = TemplatePlan.For(template);
        return options.Value.Engine == EngineUse.Always && plan.Path == ImageExportPath.Registry
            ? plan with { Path = ImageExportPath.Engine, Reason = "Images:Engine is Always: built by the Docker engine" }
            : plan;
    }

    /// <summary>The plan of a template's text, or null when the text is not a valid template (it fails with 117 before either path runs).</summary>
    public TemplatePlan? Plan(string? templateText) =>
        DockerTemplate.TryCreate(templateText, out var template, out _) ? Plan(template) : null;

    /// <summary>Whether an export with this template needs a node with a Docker engine.</summary>
    public bool NeedsEngine(string? templateText) => Plan(templateText)?.Path == ImageExportPath.Engine;
}
