using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain.Domino;
using Portal.Domain.Images.Engine;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images;

/// <summary>One image export from start to end, and everything it learned on the way (kept for the result, even on failure).</summary>
internal sealed class ImageExportRun(
    ImageExportRequest request,
    IExportProgress progress,
    IDominoClientFactory dominoClients,
    DockerEngineFactory engines,
    int outputLines)
{
    private readonly TransferMeter _meter = new(progress);
    private readonly List<string> _created = [];
    private readonly List<ImageRecord> _images = [];
    private DockerEngine? _engine;
    private ExportedEnvironment? _environment;
    private ImageExportDurations _durations = new();
    private IReadOnlyList<string> _buildOutput = [];
    private DockerOutput? _current;

    /// <summary>What the run was doing, for messages: "while pulling …".</summary>
    public string Doing { get; private set; } = "before it started";

    public async Task<ImageExportResult> RunAsync(CancellationToken cancellationToken)
    {
        await progress.StageAsync(StatusCode.DockerExportInitiated, cancellationToken);
        Doing = "while resolving the compute environment in Domino";
        var domino = dominoClients.Create(request.Domino, request.ApiKey);
        var environment = _environment = await EnvironmentResolver.ResolveAsync(domino, request.Source, cancellationToken);

        if (!ImageTargets.TryCreate(request.Target.Host, request.GroupName, request.ProjectName, environment.Id, environment.Revision,
                out var targets, out var error))
            throw new ExportException(StatusCode.DockerInvalidRepository, error);
        if (!DockerTemplate.TryCreate(request.Template, out var template, out error))
            throw new ExportException(StatusCode.DockerTemplateError, error);

        var state = new ImageExportState(environment.Id, environment.Revision, template.Fingerprint(targets));
        if (!request.Force && state == request.LastState)
            return Result(StatusCode.Skipped,
                $"Nothing changed since the last export: {environment.DisplayName} was already pushed with the same template and target names") with
            {
                NewState = request.LastState,
            };

        var source = ParseSource(environment);
        var dominoLogin = request.DominoRegistry ?? new RegistryLogin(source.Registry ?? "docker.io");
        var targetLogin = request.Target.HasCredentials ? request.Target : null;

        Doing = "while connecting to the Docker engine";
        var engine = _engine = engines.Create();
        await engine.PingAsync(cancellationToken);
        Doing = "while checking the registry logins";
        if (dominoLogin.HasCredentials) await engine.CheckLoginAsync(dominoLogin, "Domino", cancellationToken);
        if (targetLogin is not null) await engine.CheckLoginAsync(targetLogin, "target", cancellationToken);

        await PullAsync(engine, source, dominoLogin, cancellationToken);
        var built = await BuildAsync(engine, template.Render(source), targets, dominoLogin, cancellationToken);
        await PushAsync(engine, targets, targetLogin, built, cancellationToken);

        return Result(StatusCode.Completed, $"Exported {environment.DisplayName} to {targets.Version} and {targets.Latest}") with
        {
            NewState = state,
        };
    }

    private async Task PullAsync(DockerEngine engine, ImageReference source, RegistryLogin login, CancellationToken cancellationToken)
    {
        Doing = $"while pulling {source}";
        await progress.StageAsync(StatusCode.DockerExportImagePullStarted, cancellationToken);
        var watch = Stopwatch.StartNew();
        // An image that was already there may be in use by someone else: only what this run pulled is removed afterwards.
        if (await engine.InspectAsync(source.ToString(), cancellationToken) is null) _created.Add(source.ToString());
        _meter.BeginPhase("pull");
        await engine.PullAsync(source, login, _current = new DockerOutput(outputLines, _meter), cancellationToken);
        var pulled = await engine.InspectAsync(source.ToString(), cancellationToken);
        _meter.EndPhase(pulled?.RootFS?.Layers?.Count ?? 0, pulled?.Size ?? 0);
        _durations = _durations with { Pull = watch.Elapsed };
        await progress.StageAsync(StatusCode.DockerExportImagePullEnded, cancellationToken);
    }

    private async Task<Docker.DotNet.Models.ImageInspectResponse> BuildAsync(DockerEngine engine, string dockerfile, ImageTargets targets,
        RegistryLogin login, CancellationToken cancellationToken)
    {
        Doing = "while building the image from the Dockerfile template";
        await progress.StageAsync(StatusCode.DockerExportImageBuildStarted, cancellationToken);
        var watch = Stopwatch.StartNew();
        _created.AddRange(targets.All.Select(t => t.ToString()));
        var output = _current = new DockerOutput(outputLines);
        try
        {
            await engine.BuildAsync(dockerfile, targets.All.Select(t => t.ToString()).ToList(), login, output, cancellationToken);
        }
        finally
        {
            _buildOutput = output.Tail;
            _durations = _durations with { Build = watch.Elapsed };
        }
        var built = await engine.InspectAsync(targets.Version.ToString(), cancellationToken)
                    ?? throw new ExportException(StatusCode.DockerBuildError, $"The build reported success but left no image tagged {targets.Version}");
        await progress.StageAsync(StatusCode.DockerExportImageBuildEnded, cancellationToken);
        return built;
    }

    private async Task PushAsync(DockerEngine engine, ImageTargets targets, RegistryLogin? login,
        Docker.DotNet.Models.ImageInspectResponse built, CancellationToken cancellationToken)
    {
        await progress.StageAsync(StatusCode.DockerExportImagePushStarted, cancellationToken);
        var watch = Stopwatch.StartNew();
        _meter.BeginPhase("push");
        foreach (var target in targets.All)
        {
            Doing = $"while pushing {target}";
            var digest = await engine.PushAsync(target, login, _current = new DockerOutput(outputLines, _meter), cancellationToken);
            // Size: the image's size as the engine reports it (uncompressed), the same for both tags.
            var image = new ImageRecord(target.ToString(), digest, built.Size);
            _images.Add(image);
            await progress.ImageAsync(image, cancellationToken);
        }
        _meter.EndPhase(built.RootFS?.Layers?.Count ?? 0, built.Size);
        _durations = _durations with { Push = watch.Elapsed };
        await progress.StageAsync(StatusCode.DockerExportImagePushEnded, cancellationToken);
    }

    private static ImageReference ParseSource(ExportedEnvironment environment)
    {
        if (environment.SourceImage is not { } name)
            throw new ExportException(StatusCode.DockerImageNotFound,
                $"Revision {environment.Revision} of compute environment {environment.Id} has no Docker image in the Domino registry (Domino lists no dockerImageName for it)");
        if (!ImageReference.TryParse(name, out var source, out var error))
            throw new ExportException(StatusCode.DockerImageNotFound,
                $"Revision {environment.Revision} of compute environment {environment.Id} names an image that is not a valid reference ('{name}'): {error}");
        return source;
    }

    public ImageExportResult Failed(StatusCode code, string message, Exception e)
    {
        var details = e is ExportException { Details: { } d } ? d : e is ExportException ? null : e.ToString();
        if (_current is { Tail.Count: > 0 } output)
            details = (details is null ? "" : details + "\n\n") + "Last engine output:\n" + string.Join('\n', output.Tail);
        return Result(code, message) with
        {
            // The original recorded the name of the failure's class, which was the status name; unexpected ones keep their real type.
            ExceptionType = e is ExportException && code != StatusCode.ExecutionCancelled ? code.Name() : e.GetType().FullName,
            ExceptionDetails = details,
        };
    }

    public async Task CleanUpAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (_engine is null) return;
        try
        {
            // Targets first, the pulled source last: an image goes away with its last tag.
            for (var i = _created.Count - 1; i >= 0; i--)
            {
                try
                {
                    await _engine.RemoveAsync(_created[i], cancellationToken);
                }
                catch (Exception e)
                {
                    // Leftovers cost disk space, not correctness: the run's own outcome stands.
                    logger.LogWarning(e, "Could not remove the local image {Image} after an image export", _created[i]);
                }
            }
        }
        finally
        {
            _engine.Dispose();
            _engine = null;
        }
    }

    private ImageExportResult Result(StatusCode status, string message) => new(status, message)
    {
        Environment = _environment,
        Images = _images.ToList(),
        Durations = _durations,
        BuildOutput = _buildOutput,
    };
}
