namespace Portal.Audit;

/// <summary>One field that changed. A secret's values are never kept: only that it was set, changed or cleared.</summary>
public sealed record AuditChange(string Field, string? Before, string? After, bool Secret = false)
{
    public override string ToString() => Secret
        ? $"{Field}: {(Before is null ? "secret set" : After is null ? "secret cleared" : "secret changed")}"
        : $"{Field}: {Show(Before)} → {Show(After)}";

    // A long value (a Dockerfile) is shown by its start and length; the log keeps a line per change, not documents.
    private static string Show(string? value) => value switch
    {
        null => "(none)",
        { Length: > 120 } => $"\"{value[..60].ReplaceLineEndings(" ")}…\" ({value.Length} characters)",
        _ => $"\"{value}\"",
    };
}
