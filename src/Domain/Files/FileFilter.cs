using Microsoft.Extensions.FileSystemGlobbing;
using Portal.Contracts.Exports;
using Portal.Domain.Domino;

namespace Portal.Domain.Files;

/// <summary>
/// Which files of a commit an export takes: include globs (none: every file), exclude globs, and a largest size in bytes
/// (null: any). A glob without a '/' matches a file or folder name at any depth (<c>*.tmp</c>); one with a '/' matches
/// from the project's root (<c>data/raw/**</c>). <c>**</c> spans folders. Matching is case-sensitive, as Domino paths are.
/// </summary>
public sealed record FileFilter(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, long? MaxFileSize)
{
    public static FileFilter None { get; } = new([], [], null);

    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0 && MaxFileSize is null;

    /// <summary>The rule that leaves the file out, in words ("exclude *.tmp", "larger than 1048576 bytes"); null when it is kept.</summary>
    public string? ExcludedBy(DominoFile file)
    {
        if (MaxFileSize is { } max && file.Size > max) return $"larger than the maximum of {max} bytes";
        if (Include.Count > 0 && !Include.Any(p => Matches(p, file.Path)))
            return $"matches no include pattern ({string.Join(", ", Include)})";
        return Exclude.FirstOrDefault(p => Matches(p, file.Path)) is { } rule ? $"exclude {rule}" : null;
    }

    /// <summary>What is wrong with the patterns and size, one sentence each; empty when they are usable (<see cref="FilePatterns"/>).</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<string> include, IEnumerable<string> exclude, long? maxFileSize) =>
        FilePatterns.Problems(include, exclude, maxFileSize);

    /// <summary>One pattern a line, blank lines and surrounding spaces dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) => FilePatterns.Lines(text);

    /// <summary>The filter in a stable form for the settings fingerprint (empty for no filter).</summary>
    public string Canonical => IsEmpty ? "" : $"include:{string.Join('\n', Include)}\nexclude:{string.Join('\n', Exclude)}\nmax:{MaxFileSize}";

    private static bool Matches(string pattern, string path)
    {
        var rooted = pattern.TrimStart('/');
        var matcher = new Matcher(StringComparison.Ordinal);
        // A bare name matches at any depth, as in .gitignore and rclone filters; a folder pattern covers what is inside it.
        matcher.AddInclude(pattern.Contains('/') ? rooted : "**/" + rooted);
        if (!rooted.EndsWith("**", StringComparison.Ordinal)) matcher.AddInclude((pattern.Contains('/') ? rooted : "**/" + rooted) + "/**");
        return matcher.Match(path).HasMatches;
    }
}
