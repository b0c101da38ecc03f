using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Contracts.Shared;

/// <summary>
/// The character and shape rules of the portal's inputs (docs/input-rules.md), as data annotations: the forms
/// show them under each field, and the server checks the same attributes on every <c>/api</c> body.
/// </summary>
public static partial class InputRules
{
    public const int MaxSecretLength = 4096;
    public const int MaxTemplateLength = 64 * 1024;

    // The forms' length, address and port messages: {0} is the field as its form labels it ([Display]), and each
    // says what fits, so a message never shows a property name ("The ApiUrl field ...").
    public const string TooLong = "{0}: use at most {1} characters.";
    public const string LengthBetween = "{0}: use {2} to {1} characters.";
    public const string WebAddress = "{0}: enter a full address with http:// or https://, e.g. https://domino.example.com.";
    public const string PortRange = "{0}: use a port from {1} to {2}, e.g. 587.";

    /// <summary>A character no name, key or host may hold: C0/C1 controls (NUL included) and invisible format marks (RTL overrides).</summary>
    public static bool IsForbidden(char c, bool multiLine)
    {
        if (multiLine && c is '\n' or '\r' or '\t') return false;
        return char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>Forbidden characters, or half of a surrogate pair (no database stores it as text).</summary>
    public static bool HasForbidden(string? value, bool multiLine = false)
    {
        if (value is null) return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || IsForbidden(c, multiLine)) return true;
        }
        return false;
    }

    /// <summary>S3's bucket naming rules (general purpose buckets).</summary>
    public static bool IsS3BucketName(string value) =>
        value.Length is >= 3 and <= 63 && BucketPattern().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal)
        && !IPAddress.TryParse(value, out _) && !value.StartsWith("xn--", StringComparison.Ordinal)
        && !value.StartsWith("sthree-", StringComparison.Ordinal)
        && !value.EndsWith("-s3alias", StringComparison.Ordinal) && !value.EndsWith("--ol-s3", StringComparison.Ordinal);

    /// <summary><c>host[:port]</c>: a DNS name, an IPv4 address or a bracketed IPv6 address, and a port 1-65535.</summary>
    public static bool IsHostPort(string value)
    {
        var match = HostPortPattern().Match(value);
        if (!match.Success) return false;
        if (match.Groups["port"].Success && !(int.TryParse(match.Groups["port"].Value, out var port) && port is > 0 and <= 65535)) return false;
        var host = match.Groups["host"].Value;
        return host.StartsWith('[') ? IPAddress.TryParse(host.Trim('[', ']'), out _) : host.Split('.').All(l => l.Length is > 0 and <= 63);
    }

    /// <summary>A path or name segment of <c>..</c> (or a backslash) could climb out of where it belongs.</summary>
    public static bool ClimbsOut(string? value) =>
        value is not null && (value.Contains('\\') || value.Split('/').Any(segment => segment == ".."));

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^(?<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::(?<port>[0-9]{1,5}))?$")]
    private static partial Regex HostPortPattern();
}
