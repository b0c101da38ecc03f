using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Exports;
using Portal.Data;
using Portal.Domain.Images;
using Portal.Exports;
using Portal.Templates;

namespace Portal.Runs;

/// <summary>
/// The Hangfire queue an export's runs go to. Runs whose image needs a Docker build (a template with RUN, COPY, ADD …,
/// or <c>Images:Engine</c> Always) go to <see cref="Builds"/>, taken only by nodes with an engine; every other run,
/// registry copies included, goes to <see cref="Default"/>, which nodes without a Docker socket can take.
/// </summary>
public sealed class JobQueues(PortalDbContext db, ImageExportPlanner planner)
{
    public const string Default = "default";
    public const string Builds = "builds";

    public string For(Export export)
    {
        if (!(export.Kind == ExportKind.Environment || export.ExportImage) || export.RegistryDestinationId is null) return Default;
        var content = export.Template?.Content ?? (export.TemplateId is { } id
            ? db.DockerfileTemplates.AsNoTracking().Where(t => t.Id == id).Select(t => t.Content).FirstOrDefault()
            : null);
        return planner.NeedsEngine(content ?? DockerfileTemplate.StandardContent) ? Builds : Default;
    }
}
