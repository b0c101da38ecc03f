using System.Text.RegularExpressions;
using Portal.Accounts;

namespace Portal.Runs;

/// <summary>
/// A failed run's exception details as each reader sees them: admins whole; the export's owner the exceptions' types and
/// messages (and a build's output) without the stack frames, which name the portal's source files and build paths.
/// </summary>
public static partial class RunErrorDetails
{
    public static string? For(PortalUser user, string? details) =>
        user.IsAdmin || details is null ? details : WithoutStackFrames(details);

    public static string WithoutStackFrames(string details) =>
        string.Join('\n', details.Split('\n').Where(line => !Frame().IsMatch(line))).Trim();

    // .NET's frame lines ("   at Type.Method(...) in /src/File.cs:line 12") and its inner/async separators.
    [GeneratedRegex(@"^(\s+at [^\s(]+\(|\s*--- End of .* ---\s*$)")]
    private static partial Regex Frame();
}
