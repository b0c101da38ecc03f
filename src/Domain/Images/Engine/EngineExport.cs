using Portal.Contracts.Runs;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Engine;

/// <summary>
/// The Docker engine path: pull the source, build the template once with both tags, push version then
/// latest, and remove what it created locally (also after a failure). For templates a registry copy
/// cannot apply (RUN, COPY, ADD …), or every template when <c>Images:Engine</c> is Always.
/// </summary>
internal sealed class EngineExport(ImageExportRun run, DockerEngineFactory engines, int outputLines) : IImageExportPath
{
    private readonly List<string> _created = [];
    private readonly TransferMeter _meter = new(run.Progress);
    private DockerEngine? _engine;
    private DockerOutput? _current;

    private IExportProgress Progress => run.Progress;

    public string? FailureDetails => _current is { Tail.Count: > 0 } output ? "Last engine output:\n" + string.Join('\n', output.Tail) : null;

    public async Task RunAsync(ImageReference source, ImageTargets targets, DockerTemplate template, TemplatePlan plan, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var dominoLogin = request.DominoRegistry ?? new RegistryLogin(source.Registry ?? "docker.io");
        var targetLogin = request.Target.HasCredentials ? request.Target : null;

        run.Doing = "while connecting to the Docker engine";
        var engine = _engine = engines.Create();
        await engine.PingAsync(cancellationToken);
        run.Doing = "while checking the registry logins";
        if (dominoLogin.HasCredentials) await engine.CheckLoginAsync(dominoLogin, "Domino", cancellationToken);
        if (targetLogin is not null) await engine.CheckLoginAsync(targetLogin, "target", cancellationToken);

        await PullAsync(engine, source, dominoLogin, cancellationToken);
        var built = await BuildAsync(engine, template.Render(source), targets, dominoLogin, cancellationToken);
        await PushAsync(engine, targets, targetLogin, built, cancellationToken);
    }

    private async Task PullAsync(DockerEngine engine, ImageReference source, RegistryLogin login, CancellationToken cancellationToken)
    {
        run.Doing = $"while pulling {source}";
        await Progress.StageAsync(StatusCode.DockerExportImagePullStarted, cancellationToken);
        var watch = Stopwatch.StartNew();
        // An image that was already there may be in use by someone else: only what this run pulled is removed afterwards.
        if (await engine.InspectAsync(source.ToString(), cancellationToken) is null) _created.Add(source.ToString());
        _meter.BeginPhase("pull");
        await engine.PullAsync(source, login, _current = new DockerOutput(outputLines, _meter), cancellationToken);
        var pulled = await engine.InspectAsync(source.ToString(), cancellationToken);
        _meter.EndPhase(pulled?.RootFS?.Layers?.Count ?? 0, pulled?.Size ?? 0);
        run.Durations = run.Durations with { Pull = watch.Elapsed };
        await Progress.StageAsync(StatusCode.DockerExportImagePullEnded, cancellationToken);
    }

    private async Task<Docker.DotNet.Models.ImageInspectResponse> BuildAsync(DockerEngine engine, string dockerfile, ImageTargets targets,
        RegistryLogin login, CancellationToken cancellationToken)
    {
        run.Doing = "while building the image from the Dockerfile template";
        await Progress.StageAsync(StatusCode.DockerExportImageBuildStarted, cancellationToken);
        var watch = Stopwatch.StartNew();
        _created.AddRange(targets.All.Select(t => t.ToString()));
        var output = _current = new DockerOutput(outputLines);
        try
        {
            await engine.BuildAsync(dockerfile, targets.All.Select(t => t.ToString()).ToList(), login, output, cancellationToken);
        }
        finally
        {
            run.BuildOutput = output.Tail;
            run.Durations = run.Durations with { Build = watch.Elapsed };
        }
        var built = await engine.InspectAsync(targets.Version.ToString(), cancellationToken)
                    ?? throw new ExportException(StatusCode.DockerBuildError, $"The build reported success but left no image tagged {targets.Version}");
        await Progress.StageAsync(StatusCode.DockerExportImageBuildEnded, cancellationToken);
        return built;
    }

    private async Task PushAsync(DockerEngine engine, ImageTargets targets, RegistryLogin? login,
        Docker.DotNet.Models.ImageInspectResponse built, CancellationToken cancellationToken)
    {
        await Progress.StageAsync(StatusCode.DockerExportImagePushStarted, cancellationToken);
        var watch = Stopwatch.StartNew();
        _meter.BeginPhase("push");
        foreach (var target in targets.All)
        {
            run.Doing = $"while pushing {target}";
            var digest = await engine.PushAsync(target, login, _current = new DockerOutput(outputLines, _meter), cancellationToken);
            // Size: the image's size as the engine reports it (uncompressed), the same for both tags.
            await run.AddImageAsync(new ImageRecord(target.ToString(), digest, built.Size), cancellationToken);
        }
        _meter.EndPhase(built.RootFS?.Layers?.Count ?? 0, built.Size);
        run.Durations = run.Durations with { Push = watch.Elapsed };
        await Progress.StageAsync(StatusCode.DockerExportImagePushEnded, cancellationToken);
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
}
