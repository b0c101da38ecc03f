namespace Portal.Audit;

/// <summary>One field that changed. A secret's values are never kept: only that it was set, changed or cleared.</summary>
public sealed record AuditChange(string Field, string? Before, string? After, bool Secret = false)
{
    public override string ToString() => Secret
        ? $"{Field}: {(Before is null ? "secret set" : After is null ? "secret cleared" : "secret changed")}"
        : $"{Field}: {Show(Before)} → {Show(After)}";

    private static string Show(string? value) => value is null ? "(none)" : $"\"{value}\"";
}
