using System.Text.RegularExpressions;

namespace Portal.Contracts.Exports;

/// <summary>The original's naming rule for export group and project names (codes 136/137).</summary>
public static partial class ExportNames
{
    private const string RuleText =
        "is invalid: name components may contain lowercase letters, digits and separators. A separator is defined as a period, one or two underscores, or one or more dashes. A name component may not start or end with a separator.";

    public const string InvalidGroupNameMessage = "Export Group Name " + RuleText;
    public const string InvalidProjectNameMessage = "Export Project Name " + RuleText;

    // The original's regex, kept as is: it allows one or two separator characters in a row.
    [GeneratedRegex("^[a-z0-9]+(?:[._-]{1,2}[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rule();

    /// <summary>
    /// Checks a name. A name that is valid only in lower case is accepted as its lower-case form
    /// (<paramref name="lowered"/> is then true, and callers add the original's warning).
    /// </summary>
    public static bool TryNormalize(string? name, out string normalized, out bool lowered)
    {
        normalized = name ?? "";
        lowered = false;
        if (string.IsNullOrEmpty(name)) return false;
        if (Rule().IsMatch(name)) return true;
        var lower = name.ToLowerInvariant();
        if (!Rule().IsMatch(lower)) return false;
        normalized = lower;
        lowered = true;
        return true;
    }
}
