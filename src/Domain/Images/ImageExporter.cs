using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Domino;
using Portal.Domain.Images.Engine;
using Portal.Domain.Images.Registry;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images;

/// <summary>
/// Exports the Docker image of a compute environment revision to an external registry: resolve the
/// revision in Domino, skip it if nothing changed, then either copy it registry to registry (the
/// template only sets metadata, applied as a new config) or pull, build and push it with the Docker
/// engine (see <see cref="ImageExportPlanner"/>), tagging version and latest. Every run ends with a
/// result (see <see cref="ImageExportResult"/>); expected failures are never thrown.
/// </summary>
public sealed class ImageExporter(
    IDominoClientFactory dominoClients,
    DockerEngineFactory engines,
    RegistryClientFactory registries,
    ImageExportPlanner planner,
    IOptions<DockerOptions> options,
    IOptions<ImagesOptions> images,
    TimeProvider time,
    ILogger<ImageExporter> logger)
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(1);

    public async Task<ImageExportResult> ExportAsync(ImageExportRequest request, IExportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new ImageExportRun(request, progress, dominoClients, planner, (r, plan) => plan.Path == ImageExportPath.Engine
            ? new EngineExport(r, engines, options.Value.BuildOutputLines)
            : new RegistryExport(r, registries, images.Value, time, logger));
        try
        {
            return await run.RunAsync(cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            return run.Failed(StatusCode.ExecutionCancelled, $"The run was cancelled {run.Doing}", e);
        }
        catch (ExportException e)
        {
            logger.LogWarning("Image export {Request} failed with {Code}: {Message}", request, (int)e.Code, e.Message);
            return run.Failed(e.Code, e.Message, e);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Image export {Request} failed unexpectedly {Doing}", request, run.Doing);
            return run.Failed(StatusCode.UnknownError, $"An unexpected error has occurred: {e.GetType().Name}", e);
        }
        finally
        {
            // Not the run's token: a cancelled run must still leave the engine as it found it.
            using var cleanup = new CancellationTokenSource(CleanupTimeout);
            await run.CleanUpAsync(logger, cleanup.Token);
        }
    }
}
