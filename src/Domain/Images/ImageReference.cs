using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Portal.Domain.Images;

/// <summary>
/// A Docker image reference, <c>[registry/]repository[:tag][@digest]</c>, checked against the
/// grammar Docker itself uses (distribution's reference package), so a name the engine would
/// reject is caught before anything is pulled or built.
/// </summary>
public sealed partial record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    private const int MaxNameLength = 255;

    /// <summary>The repository with its registry: what is pulled and pushed.</summary>
    public string Name => Registry is null ? Repository : $"{Registry}/{Repository}";

    /// <summary>The tag or digest the engine is asked for (Docker's <c>tag</c> parameter takes either).</summary>
    public string TagOrDigest => Digest ?? Tag ?? "latest";

    public override string ToString() => Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public static bool TryParse(string? value, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0) return Fail("the image name is empty", out error);

        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
            if (!DigestRule().IsMatch(digest)) return Fail($"'{digest}' is not a valid digest", out error);
        }

        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
            if (!TagRule().IsMatch(tag)) return Fail($"'{tag}' is not a valid tag", out error);
        }

        string? registry = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        // Docker's rule: the first part names a registry only if it looks like a host.
        if (slash > 0 && text[..slash] is var first && (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsUpper)))
        {
            registry = first;
            text = text[(slash + 1)..];
            if (!RegistryRule().IsMatch(registry)) return Fail($"'{registry}' is not a valid registry host", out error);
        }

        if (!RepositoryRule().IsMatch(text))
            return Fail($"'{text}' is not a valid repository: path parts may contain lowercase letters, digits and separators (., _, __, -) and may not start or end with a separator", out error);
        if ((registry is null ? text.Length : registry.Length + 1 + text.Length) > MaxNameLength)
            return Fail($"the repository name is longer than {MaxNameLength} characters", out error);

        reference = new ImageReference(registry, text, tag, digest);
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    [GeneratedRegex(@"^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryRule();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryRule();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagRule();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestRule();
}
