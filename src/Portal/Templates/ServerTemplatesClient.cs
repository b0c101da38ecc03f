using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

namespace Portal.Templates;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerTemplatesClient(PageCaller user) : ITemplatesClient
{
    public Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<TemplateService, IReadOnlyList<TemplateDto>>((s, _) => s.ListAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<TemplateService, SaveResult>((s, _) => s.SaveAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<TemplateService, SaveResult>((s, _) => s.DeleteAsync(id, cancellationToken), adminOnly: true);
}
