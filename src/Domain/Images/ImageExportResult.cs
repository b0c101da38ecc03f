using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Images;

/// <summary>The environment revision a run resolved, and the Domino image it comes from.</summary>
public sealed record ExportedEnvironment(string Id, int Revision, string? Name, string? SourceImage)
{
    /// <summary>The original's display form: <c>{name} v{revision} [{id}]</c>.</summary>
    public string DisplayName => $"{Name} v{Revision} [{Id}]";
}

public sealed record ImageExportDurations(TimeSpan? Pull = null, TimeSpan? Build = null, TimeSpan? Push = null);

/// <summary>
/// How an image export ended. Expected failures are results too (the code and a message a person
/// understands); nothing is thrown at the caller.
/// </summary>
public sealed record ImageExportResult(StatusCode Status, string Message)
{
    public ExportedEnvironment? Environment { get; init; }

    /// <summary>The pushed tags (version, then latest) with the digests the registry answered.</summary>
    public IReadOnlyList<ImageRecord> Images { get; init; } = [];

    /// <summary>Every blob of a registry copy and what happened to it (empty on the engine path).</summary>
    public IReadOnlyList<LayerRecord> Layers { get; init; } = [];

    /// <summary>The platforms a registry copy pushed (<c>linux/amd64</c> …).</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>The path the run took (null when it ended before choosing), and why.</summary>
    public ImageExportPath? Path { get; init; }

    public string? PathReason { get; init; }

    /// <summary>Pull, build and push; for a registry copy: reading the source, applying the template, copying and tagging.</summary>
    public ImageExportDurations Durations { get; init; } = new();

    /// <summary>On failure: the exception's type and what an operator needs to dig further.</summary>
    public string? ExceptionType { get; init; }

    public string? ExceptionDetails { get; init; }

    /// <summary>The last lines the engine printed while building (and the error it ended with).</summary>
    public IReadOnlyList<string> BuildOutput { get; init; } = [];

    /// <summary>The state to store for the next run's skip rule; null means keep the stored one.</summary>
    public ImageExportState? NewState { get; init; }

    public bool Succeeded => Status is StatusCode.Completed or StatusCode.Skipped;
}
