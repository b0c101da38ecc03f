using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Contracts.Audit;
using Portal.Contracts.Shared;
using Portal.Data;
using Portal.Exports;

namespace Portal.Audit;

/// <summary>Reads the log: all of it for admins, filtered and paged; one export's entries for whoever can see the export.</summary>
public sealed class AuditReader(PortalDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<Page<AuditEntryDto>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var entries = Filter(db.AuditEntries.AsNoTracking(), query);
        return await PageAsync(entries, query.Page, query.PageSize, cancellationToken);
    }

    /// <summary>Every entry the query matches, newest first, for the CSV download.</summary>
    public IAsyncEnumerable<AuditEntryDto> AllAsync(AuditQuery query) =>
        Newest(Filter(db.AuditEntries.AsNoTracking(), query)).Select(ToDto).AsAsyncEnumerable();

    /// <summary>Null when the export does not exist for this user (another user's export is not theirs to read about).</summary>
    public async Task<Page<AuditEntryDto>?> ForExportAsync(PortalUser user, int exportId, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!await db.Exports.VisibleTo(user).AnyAsync(e => e.Id == exportId, cancellationToken)) return null;
        return await PageAsync(db.AuditEntries.AsNoTracking().Where(a => a.ExportId == exportId), page, pageSize, cancellationToken);
    }

    private static async Task<Page<AuditEntryDto>> PageAsync(IQueryable<AuditEntry> entries, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await entries.CountAsync(cancellationToken);
        var items = await Newest(entries).Skip(Math.Max(page, 0) * pageSize).Take(pageSize).Select(ToDto).ToListAsync(cancellationToken);
        return new Page<AuditEntryDto>(items, total);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (Term(query.Person) is { } person)
            entries = entries.Where(a => a.Actor.ToLower().Contains(person) || (a.TokenName != null && a.TokenName.ToLower().Contains(person)));
        if (Term(query.Object) is { } target)
            entries = entries.Where(a => a.ObjectType.ToLower().StartsWith(target) || a.ObjectId == query.Object!.Trim()
                                         || (a.ObjectName != null && a.ObjectName.ToLower().Contains(target)));
        if (Term(query.Action) is { } action) entries = entries.Where(a => a.Action.ToLower().Contains(action));
        // In UTC: PostgreSQL takes only offset 0, and a caller may send any offset.
        if (query.From?.ToUniversalTime() is { } from) entries = entries.Where(a => a.At >= from);
        if (query.To?.ToUniversalTime() is { } to) entries = entries.Where(a => a.At <= to);
        return entries;
    }

    private static string? Term(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) => entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditEntryDto>> ToDto = a => new AuditEntryDto(
        a.Id, a.At, a.Actor, a.TokenName, a.Interface, a.Address, a.Action, a.ObjectType, a.ObjectId, a.ObjectName, a.Changes);
}
