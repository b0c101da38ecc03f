using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet;

namespace Portal.Domain.Images.Engine;

/// <summary>
/// Reads what kind of failure an engine or registry message describes. Docker and podman word them
/// differently (podman answers a refused login with HTTP 500 and "401 Unauthorized" in the text),
/// so the text decides, not only the HTTP status.
/// </summary>
internal static partial class DockerFailures
{
    private static readonly string[] NotFoundMarkers =
        ["manifest unknown", "not found", "does not exist", "no such image", "name unknown", "image not known"];

    // Specific phrases only: a bare "denied" is also a local "permission denied", a bare "401" can sit inside a digest.
    private static readonly string[] AuthMarkers =
        ["unauthorized", "authentication required", "access denied", "access to the resource is denied", "incorrect username or password", "forbidden"];

    public static bool IsNotFound(string text) => NotFoundMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    public static bool IsAuthFailure(string text) =>
        AuthMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)) || AuthStatus().IsMatch(text);

    [GeneratedRegex(@"\b40[13]\b", RegexOptions.CultureInvariant)]
    private static partial Regex AuthStatus();

    /// <summary>The engine could not be talked to at all (as opposed to answering with an error).</summary>
    public static bool IsTransport(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException or SocketException or IOException or TimeoutException => !cancellationToken.IsCancellationRequested,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // an HTTP timeout, not the caller
        _ => false,
    };

    /// <summary>The engine's error text: the "message" of its JSON body, or the body itself.</summary>
    public static string Message(DockerApiException e)
    {
        var body = e.ResponseBody?.Trim() ?? "";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m) && m.GetString() is { } text)
                return text;
        }
        catch (JsonException) { /* not JSON: the body is the message */ }
        return body.Length > 0 ? body : $"HTTP {(int)e.StatusCode}";
    }

    public static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }

    /// <summary>Each exception in the chain as "type: message": what an operator needs, without Docker.DotNet's stack frames.</summary>
    public static string Describe(Exception e)
    {
        var lines = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) lines.Add($"{x.GetType().FullName}: {x.Message}");
        return string.Join("\n  ---> ", lines);
    }
}
