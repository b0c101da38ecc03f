using Portal.Data;

namespace Portal.Audit;

/// <summary>
/// Records a change in the audit log, with the caller <see cref="AuditContext"/> worked out. Services call it after
/// (or, in a transaction, as part of) the change; it saves the entry on the same DbContext.
/// </summary>
public sealed class AuditLog(PortalDbContext db, AuditContext context, TimeProvider time)
{
    public Task RecordAsync(string action, AuditObject target, IEnumerable<AuditChange> changes, CancellationToken cancellationToken = default) =>
        RecordAsync(action, target, AuditChanges.Describe(changes), cancellationToken: cancellationToken);

    /// <param name="changes">What changed, in words (e.g. "status: Pending → Approved"); never a secret.</param>
    /// <param name="actor">Who to name when nobody is signed in (a registration, a failed sign-in): an account id and a name.</param>
    public async Task RecordAsync(string action, AuditObject target, string? changes = null,
        (string? Id, string Name)? actor = null, CancellationToken cancellationToken = default)
    {
        var caller = context.Caller;
        if (caller.IsAnonymous && actor is { } named) caller = caller with { AccountId = named.Id, Name = named.Name };
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = caller.AccountId,
            Actor = Cut(caller.Name, 256),
            TokenName = caller.TokenName,
            Interface = caller.Interface,
            Address = caller.Address,
            Action = action,
            ObjectType = target.Type,
            ObjectId = target.Id,
            ObjectName = target.Name is null ? null : Cut(target.Name, 256),
            Changes = changes is null ? null : Cut(changes, AuditEntryConfiguration.ChangesLength),
            ExportId = target.ExportId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
