using Portal.Contracts.Shared;

namespace Portal.Contracts.Templates;

/// <summary>The admin templates page's view of the server.</summary>
public interface ITemplatesClient
{
    Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default);
    Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default);
}
