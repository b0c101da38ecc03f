using Portal.Contracts.Runs;

namespace Portal.Domain.Runs;

/// <summary>
/// A failure that ends a run with a known status code and a message a person understands.
/// <see cref="Details"/> carries what an operator needs to dig further (a response body, build output).
/// </summary>
public class ExportException(StatusCode code, string message, string? details = null, Exception? inner = null)
    : Exception(message, inner)
{
    public StatusCode Code { get; } = code;
    public string? Details { get; } = details;
}
