using System.Net;
using System.Text.Json;

namespace Portal.Domain.Images.Registry;

/// <summary>What kind of failure a registry answer (or the lack of one) was; the export maps these to status codes.</summary>
public enum RegistryFailure
{
    /// <summary>The manifest, blob or repository does not exist (404, MANIFEST_UNKNOWN, BLOB_UNKNOWN, NAME_UNKNOWN).</summary>
    NotFound,

    /// <summary>The registry or its token server refused the credentials themselves.</summary>
    LoginRefused,

    /// <summary>401/403 on a request: no credentials where they are needed, or credentials without that permission.</summary>
    AccessDenied,

    /// <summary>NAME_INVALID: the registry does not accept the repository name.</summary>
    NameInvalid,

    /// <summary>405 or UNSUPPORTED: the registry does not take this operation (a read-only registry refuses pushes so).</summary>
    Unsupported,

    /// <summary>Another 4xx answer.</summary>
    Refused,

    /// <summary>429, 5xx, a timeout or a broken connection: worth another try.</summary>
    Unavailable,

    /// <summary>Content that does not match its digest or size.</summary>
    Corrupt,

    /// <summary>An answer the distribution spec does not allow (a missing Location, a wrong digest …).</summary>
    Protocol,
}

/// <summary>Which side of a copy a registry is on.</summary>
public enum RegistryRole
{
    Source,
    Target,
}

/// <summary>A registry by its name as configured, and its side in the copy (both ends may be one registry).</summary>
public sealed record RegistrySide(string Registry, RegistryRole Role)
{
    public override string ToString() => Registry;
}

/// <summary>One entry of a registry's error body: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public sealed record RegistryError(string Code, string Message);

/// <summary>A registry operation that failed, with who failed it and why, in words an operator can act on.</summary>
public sealed class RegistryException(
    RegistryFailure failure, RegistrySide side, string operation, string reason, HttpStatusCode? status = null,
    IReadOnlyList<RegistryError>? errors = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{operation} at {side.Registry}: {reason}", inner)
{
    public RegistryFailure Failure { get; } = failure;
    public RegistrySide Side { get; } = side;
    public string Registry => Side.Registry;
    public string Operation { get; } = operation;
    public string Reason { get; } = reason;
    public HttpStatusCode? Status { get; } = status;
    public IReadOnlyList<RegistryError> Errors { get; } = errors ?? [];

    /// <summary>The wait a 429 or 503 asked for.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsRetryable => Failure == RegistryFailure.Unavailable;

    /// <summary>Reads a failed response into an exception (its body is read up to 64 KiB and then dropped).</summary>
    public static async Task<RegistryException> FromResponseAsync(HttpResponseMessage response, RegistrySide side, string operation,
        bool hadCredentials, CancellationToken cancellationToken)
    {
        var errors = await ReadErrorsAsync(response, cancellationToken);
        var status = response.StatusCode;
        var failure = Classify((int)status, errors.Select(e => e.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var text = errors.Count > 0
            ? string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}"))
            : response.ReasonPhrase ?? status.ToString();
        var reason = $"HTTP {(int)status} {text}";
        if (status == HttpStatusCode.Unauthorized && !hadCredentials) reason += " (no credentials were given for this registry)";
        return new RegistryException(failure, side, operation, reason, status, errors, RetryAfterOf(response));
    }

    private static RegistryFailure Classify(int status, HashSet<string> codes)
    {
        if (codes.Contains("NAME_INVALID")) return RegistryFailure.NameInvalid;
        if (codes.Contains("UNSUPPORTED") || status == 405) return RegistryFailure.Unsupported;
        if (status == 404 || codes.Overlaps(["MANIFEST_UNKNOWN", "BLOB_UNKNOWN", "NAME_UNKNOWN"])) return RegistryFailure.NotFound;
        if (status is 401 or 403 || codes.Contains("DENIED") || codes.Contains("UNAUTHORIZED")) return RegistryFailure.AccessDenied;
        if (status is 408 or 429 or >= 500 || codes.Contains("TOOMANYREQUESTS")) return RegistryFailure.Unavailable;
        return status >= 400 ? RegistryFailure.Refused : RegistryFailure.Protocol;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } d } => d,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static async Task<IReadOnlyList<RegistryError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[64 * 1024];
            var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            using var json = JsonDocument.Parse(buffer.AsMemory(0, length));
            if (!json.RootElement.TryGetProperty("errors", out var list) || list.ValueKind != JsonValueKind.Array) return [];
            return list.EnumerateArray().Select(e => new RegistryError(
                e.TryGetProperty("code", out var c) ? c.ToString() : "",
                e.TryGetProperty("message", out var m) ? m.ToString() : "")).ToList();
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            return []; // not the spec's error body: the status says enough
        }
    }
}
