using Portal.Contracts.Shared;

namespace Portal.Contracts.Audit;

/// <summary>The audit pages' view of the server (in-process on the server, <c>/api</c> in WebAssembly).</summary>
public interface IAuditClient
{
    /// <summary>The whole log, filtered and paged (admins only).</summary>
    Task<Page<AuditEntryDto>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>The entries about one export the caller can see, newest first.</summary>
    Task<Page<AuditEntryDto>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default);
}
