using Portal.Contracts.Audit;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeAuditClient : IAuditClient
{
    public Page<AuditEntryDto> Log { get; set; } = new([], 0);
    public Dictionary<int, Page<AuditEntryDto>> ByExport { get; } = [];
    public List<AuditQuery> Queries { get; } = [];
    public List<int> ExportsAsked { get; } = [];

    public Task<Page<AuditEntryDto>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        return Task.FromResult(Log);
    }

    public Task<Page<AuditEntryDto>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ExportsAsked.Add(exportId);
        return Task.FromResult(ByExport.GetValueOrDefault(exportId) ?? new Page<AuditEntryDto>([], 0));
    }
}
