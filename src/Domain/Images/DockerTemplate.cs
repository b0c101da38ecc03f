using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain.Images;

/// <summary>
/// The Dockerfile an admin chose for image exports. It must start with <c>FROM {DOMINO_DOCKER_IMAGE}</c>;
/// LABEL, ENV, RUN … may follow. Only that placeholder is replaced: the original used str.format, so
/// any other brace in the file (an ENV value, a shell <c>${VAR}</c>) broke the export.
/// </summary>
public sealed partial record DockerTemplate
{
    public const string Placeholder = "{DOMINO_DOCKER_IMAGE}";
    public const string StandardText = "FROM " + Placeholder + "\n";

    private DockerTemplate(string text) => Text = text;

    /// <summary>The template with line endings normalised to LF (a template saved on Windows is the same template).</summary>
    public string Text { get; }

    public static DockerTemplate Standard { get; } = new(StandardText);

    public static bool TryCreate(string? text, [NotNullWhen(true)] out DockerTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        var normalized = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        // Blank lines and comments (parser directives like "# syntax=" included) may come first; the first instruction may not.
        var first = normalized.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        if (first is null)
        {
            error = "The Dockerfile template is empty: it must start with the line FROM " + Placeholder;
            return false;
        }
        if (!FromPlaceholder().IsMatch(first))
        {
            error = $"The Dockerfile template must start with the line FROM {Placeholder}, but its first instruction is '{Shorten(first)}'";
            return false;
        }
        template = new DockerTemplate(normalized);
        error = null;
        return true;
    }

    /// <summary>The Dockerfile to build: every placeholder replaced by the source image, nothing else touched.</summary>
    public string Render(ImageReference source) => Text.Replace(Placeholder, source.ToString(), StringComparison.Ordinal);

    /// <summary>
    /// Identifies what an export produced besides the revision: the template and the target names. A run
    /// whose revision and fingerprint match the last export's has nothing new to push.
    /// </summary>
    public string Fingerprint(ImageTargets targets, string? platform = null)
    {
        // A platform is appended only when chosen, so fingerprints stored before platforms existed still match.
        var input = $"{Text}\n\0{targets.Version}\n\0{targets.Latest}" + (string.IsNullOrEmpty(platform) ? "" : $"\n\0{platform}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";

    [GeneratedRegex(@"^FROM\s+\{DOMINO_DOCKER_IMAGE\}(?:\s+AS\s+\S+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromPlaceholder();
}
