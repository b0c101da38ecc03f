namespace Portal.Contracts.Exports;

/// <summary>An export with its settings, as its page shows them.</summary>
public sealed record ExportDetails
{
    public required ExportSummary Summary { get; init; }
    public required ExportForm Form { get; init; }
    public required string DeploymentName { get; init; }
    public string? S3TargetName { get; init; }
    public string? RegistryName { get; init; }
    public string? TemplateName { get; init; }
    public string? FilesLocation { get; init; }
    public string? LastCommitId { get; init; }
    public string? LastEnvironment { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The files part's settings (target, names, filters) changed since its last export: the next run exports again.</summary>
    public bool FilesSettingsChanged { get; init; }
}
