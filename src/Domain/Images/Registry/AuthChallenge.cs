using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Portal.Domain.Images.Registry;

/// <summary>A <c>WWW-Authenticate</c> challenge: <c>Basic realm="…"</c> or <c>Bearer realm="…",service="…",scope="…"</c>.</summary>
public sealed partial record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? this[string name] => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>The challenge to answer: Bearer if the registry offers it (it says which token it wants), else Basic.</summary>
    public static AuthChallenge? From(HttpResponseHeaders headers)
    {
        var all = headers.WwwAuthenticate.Select(h => Parse(h.Scheme, h.Parameter)).ToList();
        return all.FirstOrDefault(c => c.IsBearer) ?? all.FirstOrDefault(c => c.IsBasic);
    }

    public static AuthChallenge Parse(string scheme, string? parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Parameter().Matches(parameters ?? ""))
        {
            var raw = m.Groups[2].Value;
            values[m.Groups[1].Value] = raw.StartsWith('"') ? Unquote().Replace(raw[1..^1], "$1") : raw;
        }
        return new AuthChallenge(scheme, values);
    }

    [GeneratedRegex(@"([A-Za-z0-9_.-]+)\s*=\s*(""(?:[^""\\]|\\.)*""|[^,\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\\(.)", RegexOptions.CultureInvariant)]
    private static partial Regex Unquote();
}
