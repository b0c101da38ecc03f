namespace Portal.Contracts.Exports;

/// <summary>
/// The server's view of a form as it is being filled in: errors by field (the same checks a save makes,
/// conflicts included), warnings (e.g. a name that will be lower-cased) and the schedule's next runs.
/// </summary>
public sealed record ExportValidation(
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DateTimeOffset> NextRuns)
{
    public bool IsValid => Errors.Count == 0;

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var e) && e.Length > 0 ? string.Join(" ", e) : null;
}
