using Portal.Accounts;
using Portal.Runs;

namespace Portal.Exports;

/// <summary>
/// Who may see and change an export, in one place: its owner, and every admin. Another user's export does
/// not exist for them (the API answers 404, so ids do not leak). The v1 API adds the exports a key created.
/// </summary>
public static class ExportAccess
{
    public static IQueryable<Export> VisibleTo(this IQueryable<Export> exports, PortalUser user) =>
        user.IsAdmin ? exports : exports.Where(e => e.OwnerId == user.Id);

    public static IQueryable<Run> VisibleTo(this IQueryable<Run> runs, PortalUser user) =>
        user.IsAdmin ? runs : runs.Where(r => r.Export!.OwnerId == user.Id);

    /// <summary>
    /// What a v1 key sees (docs/decisions/006-v1-api.md): its account's exports as above, and those created with the key
    /// (its SHA-256); through the service account (<paramref name="owner"/> null) only the latter.
    /// </summary>
    public static IQueryable<Export> VisibleTo(this IQueryable<Export> exports, PortalUser? owner, string keyHash) =>
        owner is null ? exports.Where(e => e.ApiKeyHash == keyHash)
        : owner.IsAdmin ? exports
        : exports.Where(e => e.OwnerId == owner.Id || e.ApiKeyHash == keyHash);
}
