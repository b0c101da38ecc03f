namespace Portal.Contracts.Templates;

public sealed record TemplateDto(int Id, string Name, string Content, bool IsStandard, int UsedBy, DateTimeOffset UpdatedAt);
