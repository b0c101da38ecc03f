namespace Portal.Contracts.Audit;

/// <summary>
/// The audit log's filters (all done by the server): <see cref="Person"/> matches the actor's email or token name,
/// <see cref="Object"/> the object's type, id or name, <see cref="Action"/> the action's name; times are inclusive bounds.
/// </summary>
public sealed record AuditQuery(
    string? Person = null,
    string? Object = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = 50);
