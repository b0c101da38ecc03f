using System.Text.RegularExpressions;
using Portal.Contracts.Templates;

namespace Portal.Client.Templates;

/// <summary>The check the server makes on save, run as the admin types: the first instruction is the FROM placeholder.</summary>
public static partial class TemplateRules
{
    [GeneratedRegex(@"^FROM\s+\{DOMINO_DOCKER_IMAGE\}(?:\s+AS\s+\S+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromPlaceholder();

    public static string? FirstLineProblem(string? content)
    {
        // Blank lines and comments (parser directives included) may come first, as the server allows.
        var first = (content ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return first switch
        {
            null => $"The template is empty: start it with {TemplateForm.FromLine}",
            _ when FromPlaceholder().IsMatch(first) => null,
            _ => $"The first instruction must be {TemplateForm.FromLine}, not '{(first.Length > 60 ? first[..60] + "…" : first)}'",
        };
    }
}
