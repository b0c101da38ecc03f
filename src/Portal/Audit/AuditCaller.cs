namespace Portal.Audit;

/// <summary>Who made a change and how: the account (or the token of one), the interface and the address it came from.</summary>
public sealed record AuditCaller(string? AccountId, string Name, string? TokenName, string Interface, string? Address)
{
    public bool IsAnonymous => AccountId is null;
}
