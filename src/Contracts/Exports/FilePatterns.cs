namespace Portal.Contracts.Exports;

/// <summary>
/// The rules of an export's file filter (docs/file-filters.md), shared by the engine, the server's checks and the editor:
/// one pattern a line, '/' between folders, no '.' or '..' segments, a positive largest size.
/// </summary>
public static class FilePatterns
{
    public const int MaxPatterns = 100;
    public const int MaxPatternLength = 500;

    /// <summary>What the stored text of one list may hold (one pattern a line): the database column's length.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>What is wrong with the patterns and size, one sentence each; empty when they are usable.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<string> include, IEnumerable<string> exclude, long? maxFileSize)
    {
        var problems = new List<string>();
        foreach (var p in include.Concat(exclude)) problems.AddRange(PatternProblems(p));
        if (maxFileSize is <= 0) problems.Add("The maximum file size must be a positive number of bytes.");
        return problems;
    }

    /// <summary>What is wrong with one list of patterns, its count and stored length included.</summary>
    public static IReadOnlyList<string> ListProblems(IReadOnlyCollection<string> patterns)
    {
        var problems = patterns.SelectMany(PatternProblems).ToList();
        if (patterns.Count > MaxPatterns) problems.Add($"Use at most {MaxPatterns} patterns.");
        else if (patterns.Sum(p => (p?.Length ?? 0) + 1) > MaxTextLength) problems.Add($"The patterns may have at most {MaxTextLength} characters in all.");
        return problems;
    }

    /// <summary>One pattern a line, blank lines and surrounding spaces dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static IEnumerable<string> PatternProblems(string? p)
    {
        if (string.IsNullOrWhiteSpace(p)) yield return "A pattern is empty.";
        else if (p.Length > MaxPatternLength) yield return $"'{p[..40]}…': a pattern may have at most {MaxPatternLength} characters.";
        else if (Shared.InputRules.HasForbidden(p)) yield return "A pattern holds a control character, a line break or an invisible mark.";
        else if (p.Contains('\\')) yield return $"'{p}': use '/' between folders, not '\\'.";
        else if (p.Split('/').Any(s => s is "." or "..")) yield return $"'{p}': '.' and '..' are not allowed in a pattern.";
    }
}
