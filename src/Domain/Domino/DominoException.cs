using System.Net;
using Portal.Domain.Runs;
using Portal.Contracts.Runs;

namespace Portal.Domain.Domino;

/// <summary>A Domino API failure, already mapped to the original's status codes.</summary>
public sealed class DominoException(StatusCode code, string message, HttpStatusCode? httpStatus = null, string? details = null, Exception? inner = null)
    : ExportException(code, message, details, inner)
{
    public HttpStatusCode? HttpStatus { get; } = httpStatus;
}
