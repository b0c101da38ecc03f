using System.Text.RegularExpressions;

namespace Portal.Domain.Images.Templates;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), the text after it, and the line it starts on.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Line)
{
    public override string ToString() => $"{Keyword} {Arguments}";
}

/// <summary>
/// Splits a Dockerfile into instructions the way Docker's parser does: parser directives at the top
/// (only <c># escape=</c> changes the reading), comments and blank lines dropped, a line ending in the
/// escape character continued on the next (the escape removed, the next line appended as it is).
/// </summary>
public static partial class DockerfileReader
{
    public sealed record Result(char Escape, IReadOnlyDictionary<string, string> Directives, IReadOnlyList<DockerfileInstruction> Instructions);

    public static Result Read(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var directives = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        // Directives count only before anything else, comments and blank lines included.
        for (; i < lines.Length && Directive().Match(lines[i]) is { Success: true } m; i++)
            directives.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        var escape = directives.TryGetValue("escape", out var e) && e == "`" ? '`' : '\\';

        var instructions = new List<DockerfileInstruction>();
        while (i < lines.Length)
        {
            var line = lines[i++];
            if (IsBlankOrComment(line)) continue;
            var start = i;
            var text2 = line.TrimStart();
            while (EndsWithEscape(text2, escape, out var trimmed) && i < lines.Length)
            {
                text2 = trimmed;
                // Comment and blank lines inside a continued instruction are skipped, as Docker does.
                while (i < lines.Length && IsBlankOrComment(lines[i])) i++;
                if (i < lines.Length) text2 += lines[i++];
            }
            if (EndsWithEscape(text2, escape, out var last)) text2 = last;
            var split = text2.IndexOfAny([' ', '\t']);
            var keyword = (split < 0 ? text2 : text2[..split]).ToUpperInvariant();
            var arguments = split < 0 ? "" : text2[(split + 1)..].Trim();
            instructions.Add(new DockerfileInstruction(keyword, arguments, start));
        }
        return new Result(escape, directives, instructions);
    }

    private static bool IsBlankOrComment(string line)
    {
        var t = line.TrimStart();
        return t.Length == 0 || t[0] == '#';
    }

    private static bool EndsWithEscape(string line, char escape, out string trimmed)
    {
        var t = line.TrimEnd();
        trimmed = t.Length > 0 ? t[..^1] : t;
        return t.Length > 0 && t[^1] == escape;
    }

    [GeneratedRegex(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
