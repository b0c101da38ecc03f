using System.Net;
using Portal.Contracts.Runs;

namespace Portal.Domain.Domino;

/// <summary>
/// Maps Domino's answers to the original service's codes and messages, including the HTTP 500
/// bodies Domino uses to say "not found" or "not allowed".
/// </summary>
public static class DominoErrors
{
    private static readonly (DominoEndpoint Endpoint, string Marker, HttpStatusCode MeansStatus)[] Remapped =
    [
        (DominoEndpoint.Commits, "NoSuchElementException: key not found", HttpStatusCode.NotFound),
        (DominoEndpoint.Commits, "Don't recognize principal AnonymousPrincipal", HttpStatusCode.Forbidden),
        (DominoEndpoint.Files, "Invalid remote: origin", HttpStatusCode.NotFound),
        (DominoEndpoint.Files, "NoSuchElementException: key not found", HttpStatusCode.NotFound),
        (DominoEndpoint.EnvironmentRevisions, "does not exist.", HttpStatusCode.NotFound),
        (DominoEndpoint.EnvironmentRevisions, "Error Message: Not authorized:", HttpStatusCode.Forbidden),
        (DominoEndpoint.Blob, "NoSuchElementException: key not found", HttpStatusCode.NotFound),
    ];

    /// <summary>A 500 whose body means "not found" or "forbidden": an answer, not a fault to retry.</summary>
    public static HttpStatusCode? Reinterpret(DominoEndpoint endpoint, HttpStatusCode status, string? body)
    {
        if (status != HttpStatusCode.InternalServerError || string.IsNullOrEmpty(body)) return null;
        foreach (var (e, marker, means) in Remapped)
            if (e == endpoint && body.Contains(marker, StringComparison.Ordinal)) return means;
        return null;
    }

    /// <summary>True when a 500 body is one of Domino's known "not found/not allowed" answers, on any endpoint.</summary>
    public static bool IsKnownAnswer(string? body) =>
        !string.IsNullOrEmpty(body) && Remapped.Any(r => body.Contains(r.Marker, StringComparison.Ordinal));

    public static DominoException ToException(DominoEndpoint endpoint, HttpStatusCode status, string? body, string what)
    {
        var effective = Reinterpret(endpoint, status, body) ?? status;
        var details = $"Domino answered HTTP {(int)status} for {what}: {Trim(body)}";
        return effective switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new DominoException(StatusCode.APIUnauthorized, StatusCode.APIUnauthorized.Describe(), status, details),
            HttpStatusCode.NotFound => endpoint switch
            {
                DominoEndpoint.Blob => new DominoException(StatusCode.DominoFileNotFound,
                    $"A file disappeared from the Domino project during the export ({what})", status, details),
                DominoEndpoint.EnvironmentRevisions or DominoEndpoint.ProjectEnvironment => new DominoException(
                    StatusCode.DominoEnvironmentNotFound, StatusCode.DominoEnvironmentNotFound.Describe(), status, details),
                // The project was found a step earlier; a listing refused at a commit is not "the project does not exist".
                DominoEndpoint.Files when !MeansProjectGone(body) => new DominoException(StatusCode.DominoAPIError,
                    $"Domino could not list {what}: the commit is unknown to it or the project's repository could not be read "
                    + $"(HTTP {(int)status}: {Trim(body)})", status, details),
                _ => new DominoException(StatusCode.APIProjectNotFound, StatusCode.APIProjectNotFound.Describe(), status, details),
            },
            _ => new DominoException(StatusCode.DominoAPIError,
                $"Domino API gave HTTP response status code {(int)status} with message '{Trim(body)}'", status, details),
        };
    }

    /// <summary>Domino's answer for a project id it does not know (on the commits and files endpoints alike).</summary>
    private static bool MeansProjectGone(string? body) =>
        body?.Contains("NoSuchElementException: key not found", StringComparison.Ordinal) == true;

    private static string Trim(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "";
        var b = body.Trim();
        return b.Length <= 500 ? b : b[..500] + "…";
    }
}
