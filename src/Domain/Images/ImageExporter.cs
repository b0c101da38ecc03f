using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Domino;
using Portal.Domain.Images.Engine;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images;

/// <summary>
/// Exports the Docker image of a compute environment revision to an external registry: resolve the
/// revision in Domino, skip it if nothing changed, pull it, build the admin's template on top once,
/// push the version and latest tags, and remove what it created locally. Every run ends with a
/// result (see <see cref="ImageExportResult"/>); expected failures are never thrown.
/// </summary>
public sealed class ImageExporter(
    IDominoClientFactory dominoClients,
    DockerEngineFactory engines,
    IOptions<DockerOptions> options,
    ILogger<ImageExporter> logger)
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(1);

    public async Task<ImageExportResult> ExportAsync(ImageExportRequest request, IExportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new ImageExportRun(request, progress, dominoClients, engines, options.Value.BuildOutputLines);
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
