using Portal.Accounts;
using Portal.Contracts.Audit;
using Portal.Contracts.Shared;

namespace Portal.Audit;

/// <summary>The audit pages' client while they run on the server: the reader the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerAuditClient(PageCaller user) : IAuditClient
{
    public Task<Page<AuditEntryDto>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        user.CallAsync<AuditReader, Page<AuditEntryDto>>((s, _) => s.ListAsync(query, cancellationToken), adminOnly: true);

    public Task<Page<AuditEntryDto>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        user.CallAsync<AuditReader, Page<AuditEntryDto>>(async (s, u) =>
            await s.ForExportAsync(u, exportId, page, pageSize, cancellationToken) ?? throw NotVisible.Export());
}
