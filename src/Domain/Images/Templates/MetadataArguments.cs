using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Domain.Images.Templates;

/// <summary>
/// Reads the arguments of the metadata instructions as Docker's parser does: <c>key=value</c> pairs (or the
/// legacy <c>KEY value</c> form) for ENV and LABEL, exec (JSON) or shell form for CMD and ENTRYPOINT,
/// port specs for EXPOSE, signal names for STOPSIGNAL.
/// </summary>
public static partial class MetadataArguments
{
    /// <summary>The raw (unexpanded) key and value of each pair of an ENV or LABEL instruction.</summary>
    public static IReadOnlyList<(string Key, string Value)> Pairs(DockerfileInstruction i, char escape)
    {
        var words = ShellWords.Split(i.Arguments, escape);
        if (words.Count == 0) throw new UnsupportedWordException("it has no arguments (a build would fail on it)");
        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            var parts = Whitespace().Split(i.Arguments, 2);
            if (parts.Length < 2) throw new UnsupportedWordException($"{i.Keyword} needs a name and a value (a build would fail on it)");
            return [(parts[0], parts[1])];
        }
        return words.Select(w => w.Contains('=', StringComparison.Ordinal)
            ? (w[..w.IndexOf('=', StringComparison.Ordinal)], w[(w.IndexOf('=', StringComparison.Ordinal) + 1)..])
            : throw new UnsupportedWordException($"'{w}' is not of the form name=value (a build would fail on it)")).ToList();
    }

    /// <summary>CMD or ENTRYPOINT as an argument list: a JSON array as written, or the shell form run by <paramref name="shell"/>.</summary>
    public static IReadOnlyList<string> Command(string arguments, IReadOnlyList<string> shell)
    {
        var trimmed = arguments.TrimStart();
        if (trimmed.StartsWith('['))
        {
            try
            {
                if (JsonSerializer.Deserialize<string[]>(trimmed) is { } exec) return exec;
            }
            catch (JsonException) { /* not a JSON array: the shell form, as Docker reads it */ }
        }
        return arguments.Length == 0 ? [] : [.. shell, arguments];
    }

    /// <summary>Docker's port specs as EXPOSE takes them: <c>80</c>, <c>80/udp</c>, <c>8000-8010/tcp</c>.</summary>
    public static IEnumerable<string> Ports(string spec)
    {
        var m = PortSpec().Match(spec);
        if (!m.Success) throw new UnsupportedWordException($"'{spec}' is not a port (a build would fail on it)");
        var protocol = m.Groups[3].Success ? m.Groups[3].Value.ToLowerInvariant() : "tcp";
        var first = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : first;
        if (first is < 0 or > 65535 || last < first || last > 65535)
            throw new UnsupportedWordException($"'{spec}' is not a port range (a build would fail on it)");
        return Enumerable.Range(first, last - first + 1).Select(p => $"{p}/{protocol}");
    }

    /// <summary>Whether a container runtime takes <paramref name="signal"/> (a number, or a name with or without SIG).</summary>
    public static bool IsSignal(string signal)
    {
        if (int.TryParse(signal, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return n is > 0 and <= 64;
        var name = signal.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal)) name = name[3..];
        return SignalNames.Contains(name) || RealTime().IsMatch(name);
    }

    private static readonly HashSet<string> SignalNames =
    [
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF",
        "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2",
        "VTALRM", "WINCH", "XCPU", "XFSZ",
    ];

    [GeneratedRegex(@"^RT(MIN|MAX)([+-]([1-9]|1[0-5]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RealTime();

    [GeneratedRegex(@"^(\d{1,5})(?:-(\d{1,5}))?(?:/(tcp|udp|sctp))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PortSpec();

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
