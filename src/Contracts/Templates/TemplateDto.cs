namespace Portal.Contracts.Templates;

/// <summary>A template; <see cref="Path"/> is how its exports make their image ("Registry": copied without a Docker engine, "Engine": built), and <see cref="PathReason"/> why.</summary>
public sealed record TemplateDto(int Id, string Name, string Content, bool IsStandard, int UsedBy, DateTimeOffset UpdatedAt,
    string? Path = null, string? PathReason = null);
