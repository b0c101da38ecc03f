using Microsoft.Extensions.Logging;
using Portal.Domain.Domino;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images;

/// <summary>How a run produces its image once the revision, names and template are settled: a registry copy or the Docker engine.</summary>
internal interface IImageExportPath
{
    Task RunAsync(ImageReference source, ImageTargets targets, DockerTemplate template, TemplatePlan plan, CancellationToken cancellationToken);

    /// <summary>What an operator needs besides the exception (the engine's last output lines), or null.</summary>
    string? FailureDetails { get; }

    Task CleanUpAsync(ILogger logger, CancellationToken cancellationToken);
}

/// <summary>One image export from start to end, and everything it learned on the way (kept for the result, even on failure).</summary>
internal sealed class ImageExportRun(
    ImageExportRequest request,
    IExportProgress progress,
    IDominoClientFactory dominoClients,
    ImageExportPlanner planner,
    Func<ImageExportRun, TemplatePlan, IImageExportPath> paths)
{
    private readonly List<ImageRecord> _images = [];
    private readonly List<LayerRecord> _layers = [];
    private ExportedEnvironment? _environment;
    private TemplatePlan? _plan;
    private IImageExportPath? _path;

    public ImageExportRequest Request => request;

    public IExportProgress Progress => progress;

    /// <summary>What the run was doing, for messages: "while pulling …".</summary>
    public string Doing { get; set; } = "before it started";

    public ImageExportDurations Durations { get; set; } = new();

    public IReadOnlyList<string> BuildOutput { get; set; } = [];

    public IReadOnlyList<string> Platforms { get; set; } = [];

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

        var state = new ImageExportState(environment.Id, environment.Revision, template.Fingerprint(targets, request.Platform));
        if (!request.Force && state == request.LastState)
            return Result(StatusCode.Skipped,
                $"Nothing changed since the last export: {environment.DisplayName} was already pushed with the same template and target names") with
            {
                NewState = request.LastState,
            };

        var source = ParseSource(environment);
        var plan = _plan = planner.Plan(template);
        _path = paths(this, plan);
        await _path.RunAsync(source, targets, template, plan, cancellationToken);

        return Result(StatusCode.Completed, $"Exported {environment.DisplayName} to {targets.Version} and {targets.Latest}") with
        {
            NewState = state,
        };
    }

    public async Task AddImageAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        _images.Add(image);
        await progress.ImageAsync(image, cancellationToken);
    }

    public void AddLayers(IEnumerable<LayerRecord> layers) => _layers.AddRange(layers);

    public ImageExportResult Failed(StatusCode code, string message, Exception e)
    {
        var details = e is ExportException { Details: { } d } ? d : e is ExportException ? null : e.ToString();
        if (_path?.FailureDetails is { } more) details = (details is null ? "" : details + "\n\n") + more;
        return Result(code, message) with
        {
            // The original recorded the name of the failure's class, which was the status name; unexpected ones keep their real type.
            ExceptionType = e is ExportException && code != StatusCode.ExecutionCancelled ? code.Name() : e.GetType().FullName,
            ExceptionDetails = details,
        };
    }

    public Task CleanUpAsync(ILogger logger, CancellationToken cancellationToken) =>
        _path?.CleanUpAsync(logger, cancellationToken) ?? Task.CompletedTask;

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

    private ImageExportResult Result(StatusCode status, string message) => new(status, message)
    {
        Environment = _environment,
        Images = _images.ToList(),
        Layers = _layers.ToList(),
        Platforms = Platforms,
        Path = _plan?.Path,
        PathReason = _plan?.Reason,
        Durations = Durations,
        BuildOutput = BuildOutput,
    };
}
