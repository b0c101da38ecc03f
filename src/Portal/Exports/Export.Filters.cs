using Portal.Contracts.Exports;
using Portal.Domain.Files;

namespace Portal.Exports;

// The files part's filter: stored one pattern a line, handed to the engine as a FileFilter (docs/file-filters.md).
public sealed partial class Export
{
    public FileFilter Filter() => new(FilePatterns.Lines(IncludePatterns), FilePatterns.Lines(ExcludePatterns), MaxFileSize);

    /// <summary>A form's patterns as they are stored: trimmed, one a line, blank ones dropped; null for none.</summary>
    public static string? PatternText(IReadOnlyList<string>? patterns) =>
        FilePatterns.Lines(string.Join('\n', patterns ?? [])) is { Count: > 0 } lines ? string.Join('\n', lines) : null;

    public static FileFilter FilterOf(ExportForm form) =>
        new(FilePatterns.Lines(PatternText(form.IncludePatterns)), FilePatterns.Lines(PatternText(form.ExcludePatterns)), form.MaxFileSize);
}
