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
