using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// An open blob upload session. The registry names the URL of each next step in its Location header
/// (absolute or relative, possibly with query parameters of its own), so every answer moves
/// <see cref="Location"/>; <see cref="Offset"/> is the number of bytes the registry has confirmed.
/// </summary>
public sealed partial class BlobUpload
{
    private readonly RegistryClient _client;

    private BlobUpload(RegistryClient client, Uri location, long? minimumChunk)
    {
        _client = client;
        Location = location;
        MinimumChunk = minimumChunk;
    }

    public Uri Location { get; private set; }

    public long Offset { get; private set; }

    /// <summary>OCI-Chunk-Min-Length: the smallest chunk (but the last) the registry takes.</summary>
    public long? MinimumChunk { get; }

    internal static BlobUpload From(RegistryClient client, HttpResponseMessage response, string operation)
    {
        var location = NextLocation(client, response, operation);
        long? minimum = response.Headers.TryGetValues("OCI-Chunk-Min-Length", out var values)
                        && long.TryParse(values.FirstOrDefault(), out var m) && m > 0 ? m : null;
        return new BlobUpload(client, location, minimum);
    }

    /// <summary>
    /// PATCH: sends <paramref name="length"/> bytes as the next chunk. With <paramref name="withRange"/> the
    /// chunk carries its Content-Range (the spec's chunked upload); without, it is Docker's streamed upload.
    /// </summary>
    public async Task PatchAsync(HttpContent content, long length, bool withRange, bool expectContinue, CancellationToken cancellationToken)
    {
        var operation = $"uploading bytes {Offset}-{Offset + length - 1} of a blob";
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = length;
        if (withRange) content.Headers.TryAddWithoutValidation("Content-Range", $"{Offset}-{Offset + length - 1}");
        var location = Location;
        using var response = await _client.SendAsync(operation, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = content };
            if (expectContinue) request.Headers.ExpectContinue = true;
            return request;
        }, cancellationToken, replayable: false, shortCall: false);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.NoContent or HttpStatusCode.Created))
            throw response.IsSuccessStatusCode
                ? new RegistryException(RegistryFailure.Protocol, _client.Side, operation, $"HTTP {(int)response.StatusCode} instead of 202 Accepted")
                : await _client.Failed(response, operation, cancellationToken);
        Location = NextLocation(_client, response, operation);
        Offset += length;
    }

    /// <summary>PUT with the digest, and the whole blob (monolithic) or nothing (closing a chunked upload) as the body.</summary>
    public async Task PutAsync(string digest, Func<HttpContent>? content, bool replayable, CancellationToken cancellationToken)
    {
        var operation = $"completing the upload of blob {digest}";
        var uri = WithQuery(Location, "digest", digest);
        using var response = await _client.SendAsync(operation, () =>
        {
            var body = content?.Invoke() ?? new ByteArrayContent([]);
            body.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Put, uri) { Content = body };
        }, cancellationToken, replayable, shortCall: content is null || replayable);
        if (!response.IsSuccessStatusCode) throw await _client.Failed(response, operation, cancellationToken);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } stored && stored != digest)
            throw new RegistryException(RegistryFailure.Protocol, _client.Side, operation, $"the registry stored {stored}, not {digest}");
    }

    /// <summary>GET on the session: the registry's own count of the bytes it holds (null if the session is gone).</summary>
    public async Task<long?> StatusAsync(CancellationToken cancellationToken)
    {
        var operation = "asking where an interrupted upload stands";
        using var response = await _client.SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Get, Location), cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        Location = NextLocation(_client, response, operation);
        return response.Headers.TryGetValues("Range", out var values) && RangeEnd().Match(values.FirstOrDefault() ?? "") is { Success: true } m
            ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1
            : 0;
    }

    /// <summary>Continues from the registry's count, which must be a point this client can resume from.</summary>
    public void ResumeAt(long offset) => Offset = offset;

    /// <summary>DELETE: gives the session up so the registry frees what it holds. Failures do not matter (sessions also expire).</summary>
    public async Task CancelAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            using var _ = await _client.SendAsync("cancelling an upload", () => new HttpRequestMessage(HttpMethod.Delete, Location), timeout.Token,
                replayable: false);
        }
        catch (Exception e) when (e is RegistryException or OperationCanceledException)
        {
            // the registry will expire it
        }
    }

    private static Uri NextLocation(RegistryClient client, HttpResponseMessage response, string operation)
    {
        if (response.Headers.Location is not { } location)
            throw new RegistryException(RegistryFailure.Protocol, client.Side, operation, "the answer has no Location header");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    private static Uri WithQuery(Uri uri, string name, string value)
    {
        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + name + "=" + Uri.EscapeDataString(value);
        return builder.Uri;
    }

    [GeneratedRegex(@"^(?:bytes=)?\d+-(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeEnd();
}
