using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Portal.Domain.Images;

/// <summary>
/// Where an environment revision is pushed: <c>{registry}/{group}/{project}:{envId}-v{revision}</c> and
/// <c>:latest</c>, lower-cased as the original did (Docker repositories must be lower case).
/// </summary>
public sealed record ImageTargets(ImageReference Version, ImageReference Latest)
{
    public static bool TryCreate(string registry, string group, string project, string environmentId, int revision,
        [NotNullWhen(true)] out ImageTargets? targets, [NotNullWhen(false)] out string? error)
    {
        targets = null;
        var host = StripScheme(registry);
        var repository = $"{host}/{group}/{project}".ToLowerInvariant();
        var tag = string.Create(CultureInfo.InvariantCulture, $"{environmentId}-v{revision}").ToLowerInvariant();
        if (!ImageReference.TryParse($"{repository}:{tag}", out var version, out error))
        {
            error = $"The target image {repository}:{tag} is not a valid Docker reference: {error}";
            return false;
        }
        // Without a host-like first part Docker would push to Docker Hub, which is never what an admin meant.
        if (version.Registry is null)
        {
            error = $"The target registry '{registry}' is not a registry host (it needs a dot or a port, or to be localhost)";
            return false;
        }
        targets = new ImageTargets(version, version with { Tag = "latest" });
        return true;
    }

    public IEnumerable<ImageReference> All => [Version, Latest];

    private static string StripScheme(string registry)
    {
        var r = registry.Trim();
        foreach (var scheme in (string[])["https://", "http://"])
            if (r.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) r = r[scheme.Length..];
        return r.TrimEnd('/');
    }
}
