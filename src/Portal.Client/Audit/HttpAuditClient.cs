using Portal.Client.Shared;
using Portal.Contracts.Audit;
using Portal.Contracts.Shared;

namespace Portal.Client.Audit;

/// <summary>The audit views in WebAssembly: <c>/api/admin/audit</c> and <c>/api/exports/{id}/audit</c> with the sign-in cookie.</summary>
public sealed class HttpAuditClient(HttpClient http) : IAuditClient
{
    public Task<Page<AuditEntryDto>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        http.GetJsonAsync<Page<AuditEntryDto>>($"api/admin/audit?{query.ToQueryString()}", cancellationToken);

    public Task<Page<AuditEntryDto>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        http.GetJsonAsync<Page<AuditEntryDto>>($"api/exports/{exportId}/audit?page={page}&pageSize={pageSize}", cancellationToken);
}
