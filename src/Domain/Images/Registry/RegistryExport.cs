using Portal.Contracts.Runs;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// The registry path: the image goes from the Domino registry to the target without a Docker engine.
/// Stages keep the original's numbers: 331/332 read the source (logins, manifests, configs), 333/334
/// apply the template (new configs and manifests, no layer touched; immediate for the standard
/// template), 335/336 copy what the target lacks, push the manifests and tag version and latest.
/// </summary>
internal sealed class RegistryExport(ImageExportRun run, RegistryClientFactory clients, ImagesOptions options, TimeProvider time, ILogger logger)
    : IImageExportPath
{
    public string? FailureDetails => null;

    public Task CleanUpAsync(ILogger logger, CancellationToken cancellationToken) => Task.CompletedTask; // nothing local; open uploads were cancelled

    public async Task RunAsync(ImageReference source, ImageTargets targets, DockerTemplate template, TemplatePlan plan, CancellationToken cancellationToken)
    {
        var request = run.Request;
        Platform? platform = null;
        if (request.Platform is { Length: > 0 } wanted && !Platform.TryParse(wanted, out platform))
            throw new ExportException(StatusCode.DockerImageNotFound, $"'{wanted}' is not a platform: write it as os/architecture[/variant], e.g. linux/amd64");

        var sourceEndpoint = clients.Endpoint(source.Registry ?? "docker.io");
        var targetEndpoint = clients.Endpoint(request.Target.Host);
        var sourceRepository = sourceEndpoint.RepositoryPath(source.Repository);
        var targetRepository = targets.Version.Repository;
        var sourceLogin = request.DominoRegistry is { HasCredentials: true } d && clients.Endpoint(d.Host).IsSameRegistry(sourceEndpoint) ? d : null;
        var targetLogin = request.Target.HasCredentials ? request.Target : null;
        // One token per side; the target's may also read the source repository, to mount blobs from it.
        List<string> targetScopes = [$"repository:{targetRepository}:pull,push"];
        if (sourceEndpoint.IsSameRegistry(targetEndpoint) && sourceRepository != targetRepository) targetScopes.Add($"repository:{sourceRepository}:pull");
        var copy = new ImageCopy(
            clients.Create(sourceEndpoint, RegistryRole.Source, sourceLogin, [$"repository:{sourceRepository}:pull"]), sourceRepository, source.TagOrDigest,
            clients.Create(targetEndpoint, RegistryRole.Target, targetLogin, targetScopes), targetRepository, platform, options, time, logger);
        var failures = new RegistryFailures(source, targets, sourceLogin, targetLogin);

        try
        {
            run.Doing = $"while reading {source} from the Domino registry";
            await run.Progress.StageAsync(StatusCode.DockerExportImagePullStarted, cancellationToken);
            var watch = Stopwatch.StartNew();
            await copy.ConnectAsync(cancellationToken);
            await copy.ReadAsync(withConfigs: plan.Instructions.Count > 0, cancellationToken);
            run.Durations = run.Durations with { Pull = watch.Elapsed };
            await run.Progress.StageAsync(StatusCode.DockerExportImagePullEnded, cancellationToken);

            run.Doing = "while applying the template";
            await run.Progress.StageAsync(StatusCode.DockerExportImageBuildStarted, cancellationToken);
            watch.Restart();
            copy.Apply(plan);
            run.Platforms = copy.Platforms;
            run.Durations = run.Durations with { Build = watch.Elapsed };
            await run.Progress.StageAsync(StatusCode.DockerExportImageBuildEnded, cancellationToken);

            run.Doing = $"while copying to {targets.Version}";
            await run.Progress.StageAsync(StatusCode.DockerExportImagePushStarted, cancellationToken);
            watch.Restart();
            var layers = new LayerCollector(run.Progress);
            ImageCopyResult result;
            try
            {
                result = await copy.PushAsync([targets.Version.Tag!, targets.Latest.Tag!], layers, cancellationToken);
            }
            finally
            {
                run.AddLayers(layers.All);
            }
            foreach (var target in targets.All) await run.AddImageAsync(new ImageRecord(target.ToString(), result.Digest, result.Size), cancellationToken);
            run.Durations = run.Durations with { Push = watch.Elapsed };
            await run.Progress.StageAsync(StatusCode.DockerExportImagePushEnded, cancellationToken);
        }
        catch (RegistryException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw failures.ToExportException(e);
        }
    }

    /// <summary>Passes the copy's progress on to the run's, keeping every blob record for the result.</summary>
    private sealed class LayerCollector(IExportProgress inner) : IExportProgress
    {
        private readonly List<LayerRecord> _all = [];

        public IReadOnlyList<LayerRecord> All { get { lock (_all) return _all.ToList(); } }

        public ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken) => inner.StageAsync(stage, cancellationToken);
        public void Totals(int items, long bytes) => inner.Totals(items, bytes);
        public void Transferred(long bytes) => inner.Transferred(bytes);
        public ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken) => inner.FileAsync(file, cancellationToken);
        public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken) => inner.ImageAsync(image, cancellationToken);

        public ValueTask LayerAsync(LayerRecord layer, CancellationToken cancellationToken)
        {
            lock (_all) _all.Add(layer);
            return inner.LayerAsync(layer, cancellationToken);
        }
    }
}
