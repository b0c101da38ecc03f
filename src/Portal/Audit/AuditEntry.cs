namespace Portal.Audit;

/// <summary>
/// A recorded state change. The actor is copied as text (and the account id kept beside it) so the entry still
/// reads right after the account or token is gone; <see cref="ExportId"/> lets an export's page show its own entries.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public required string Actor { get; set; }
    public string? TokenName { get; set; }
    public required string Interface { get; set; }
    public string? Address { get; set; }
    public required string Action { get; set; }
    public required string ObjectType { get; set; }
    public string? ObjectId { get; set; }
    public string? ObjectName { get; set; }
    public string? Changes { get; set; }
    public int? ExportId { get; set; }
}
