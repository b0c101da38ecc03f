using System.ComponentModel.DataAnnotations;
using Portal.Client.Shared;

namespace Portal.Client.Templates;

public sealed record TemplateDto(int Id, string Name, string Content, bool IsStandard, int UsedBy, DateTimeOffset UpdatedAt);

public sealed class TemplateForm
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string FromLine = "FROM " + Placeholder;

    [Required, StringLength(100), SingleLine] public string Name { get; set; } = "";
    [Required, StringLength(InputRules.MaxTemplateLength, ErrorMessage = "A template is at most 64 KiB."), MultiLine] public string Content { get; set; } = FromLine + "\n";
}

/// <summary>The admin templates page's view of the server.</summary>
public interface ITemplatesClient
{
    Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default);
    Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default);
}
