namespace Portal.Contracts.Audit;

/// <summary>
/// One audit entry: who (an account, or a token of one), when, from which address, through which interface
/// (<see cref="AuditInterfaces"/>), did what (<see cref="Action"/>) to which object, and what changed. Never a secret.
/// </summary>
public sealed record AuditEntryDto(
    long Id,
    DateTimeOffset At,
    string Actor,
    string? TokenName,
    string Interface,
    string? Address,
    string Action,
    string ObjectType,
    string? ObjectId,
    string? ObjectName,
    string? Changes);
