namespace Portal.Audit;

/// <summary>What changed between two snapshots of one object, and how it reads in the log.</summary>
public static class AuditChanges
{
    /// <param name="before">Null for a new object: every field that has a value counts as set.</param>
    public static IReadOnlyList<AuditChange> Between(AuditSnapshot? before, AuditSnapshot after)
    {
        var changes = new List<AuditChange>();
        foreach (var (field, value) in after.Values)
        {
            string? old = null;
            if (before is not null) before.Values.TryGetValue(field, out old);
            if (string.Equals(old, value, StringComparison.Ordinal) || (before is null && value is null)) continue;
            var secret = after.Secrets.Contains(field) || (before?.Secrets.Contains(field) ?? false);
            // A secret's stored form is never kept, only a marker of whether there is one.
            changes.Add(secret
                ? new AuditChange(field, old is null ? null : "set", value is null ? null : "set", Secret: true)
                : new AuditChange(field, old, value));
        }
        return changes;
    }

    /// <summary>The changes as one line of text, cut to what the log stores.</summary>
    public static string? Describe(IEnumerable<AuditChange> changes)
    {
        var text = string.Join("; ", changes.Select(c => c.ToString()));
        if (text.Length == 0) return null;
        return text.Length <= AuditEntryConfiguration.ChangesLength ? text : text[..(AuditEntryConfiguration.ChangesLength - 1)] + "…";
    }
}
