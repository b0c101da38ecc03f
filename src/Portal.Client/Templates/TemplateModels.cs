using System.ComponentModel.DataAnnotations;
using Portal.Client.Shared;

namespace Portal.Client.Templates;

/// <summary>A template; <see cref="Path"/> is how its exports make their image ("Registry": copied without a Docker engine, "Engine": built), and <see cref="PathReason"/> why.</summary>
public sealed record TemplateDto(int Id, string Name, string Content, bool IsStandard, int UsedBy, DateTimeOffset UpdatedAt,
    string? Path = null, string? PathReason = null);

public sealed class TemplateForm
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string FromLine = "FROM " + Placeholder;

    [Required, StringLength(100)] public string Name { get; set; } = "";
    [Required] public string Content { get; set; } = FromLine + "\n";
}

/// <summary>The admin templates page's view of the server.</summary>
public interface ITemplatesClient
{
    Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default);
    Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default);
}
