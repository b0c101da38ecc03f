namespace Portal.Contracts.Shared;

/// <summary>
/// The outcome of a save: the id on success, otherwise the reasons by field ("" for the form as a whole),
/// as the API's 400 validation problem carries them.
/// </summary>
public sealed record SaveResult(bool Succeeded, int? Id, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<string>? Warnings = null,
    bool NotFound = false, bool Conflict = false)
{
    /// <summary>The thing to change does not exist (or is not the caller's to see): the API answers 404.</summary>
    public static SaveResult Missing(string message) => new(false, null, new Dictionary<string, string[]> { [""] = [message] }, NotFound: true);

    /// <summary>The thing is not in a state that allows the change (the API answers 409 with the reason).</summary>
    public static SaveResult Conflicting(string message) => new(false, null, new Dictionary<string, string[]> { [""] = [message] }, Conflict: true);

    public static SaveResult Ok(int id, IReadOnlyList<string>? warnings = null) => new(true, id, new Dictionary<string, string[]>(), warnings);

    public static SaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(false, null, errors);

    public static SaveResult Invalid(string field, string error) => new(false, null, new Dictionary<string, string[]> { [field] = [error] });

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var e) && e.Length > 0 ? string.Join(" ", e) : null;
}
