using System.Net;
using System.Net.Http.Headers;

namespace Portal.Domain.Images.Registry;

/// <summary>The outcome of a cross-repository mount: done, or the upload session the registry opened instead.</summary>
public sealed record MountResult(bool Mounted, BlobUpload? Session);

/// <summary>A blob being read: the stream, where it starts (0 unless a range was honoured), and the response it belongs to.</summary>
public sealed class BlobResponse(HttpResponseMessage response, Stream content, long offset) : IDisposable
{
    public Stream Content { get; } = content;
    public long Offset { get; } = offset;

    public void Dispose()
    {
        Content.Dispose();
        response.Dispose();
    }
}

public sealed partial class RegistryClient
{
    private const int MaxRedirects = 5;

    /// <summary>HEAD: whether the repository holds the blob.</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var operation = $"checking for blob {digest} in {repository}";
        using var response = await SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Head, Url($"{repository}/blobs/{digest}")), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (response.IsSuccessStatusCode) return true;
        throw await Failed(response, operation, cancellationToken);
    }

    /// <summary>A small blob (an image config) read whole and checked against its digest.</summary>
    public async Task<byte[]> GetBlobBytesAsync(string repository, Descriptor blob, CancellationToken cancellationToken)
    {
        if (blob.Size is < 0 or > MaxManifestBytes)
            throw new RegistryException(RegistryFailure.Protocol, Side, $"reading blob {blob.Digest}", $"its size {blob.Size} is not that of an image config");
        using var response = await OpenBlobAsync(repository, blob, 0, cancellationToken);
        var bytes = new byte[blob.Size];
        await response.Content.ReadExactlyAsync(bytes, cancellationToken);
        if (ManifestBlob.DigestOf(bytes) != blob.Digest)
            throw new RegistryException(RegistryFailure.Corrupt, Side, $"reading blob {blob.Digest} of {repository}",
                $"its content hashes to {ManifestBlob.DigestOf(bytes)}");
        return bytes;
    }

    /// <summary>
    /// GET a blob, from <paramref name="offset"/> when above 0 (check <see cref="BlobResponse.Offset"/>: a
    /// registry may answer the whole blob instead). Redirects to blob storage are followed without credentials.
    /// </summary>
    public async Task<BlobResponse> OpenBlobAsync(string repository, Descriptor blob, long offset, CancellationToken cancellationToken)
    {
        var operation = $"reading blob {blob.Digest} of {repository}";
        var uri = Url($"{repository}/blobs/{blob.Digest}");
        for (var hop = 0; ; hop++)
        {
            var current = uri;
            var response = await SendAsync(operation, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
                return request;
            }, cancellationToken, shortCall: false);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                uri = new Uri(current, location);
                response.Dispose();
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                using (response) throw await Failed(response, operation, cancellationToken);
            }
            var start = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.From ?? 0 : 0;
            return new BlobResponse(response, await response.Content.ReadAsStreamAsync(cancellationToken), start);
        }
    }

    /// <summary>
    /// Asks the registry to mount a blob from another of its repositories. 201: mounted. 202: it could not
    /// and opened an upload session instead (the spec allows it). Any refusal means "upload it".
    /// </summary>
    public async Task<MountResult> MountAsync(string repository, string digest, string from, CancellationToken cancellationToken)
    {
        var operation = $"mounting blob {digest} from {from} into {repository}";
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Post,
                Url($"{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(from)}")), cancellationToken,
                renewOnUnauthorized: false);
        }
        catch (RegistryException e) when (e.IsRetryable)
        {
            return new MountResult(false, null); // a registry that chokes on mount still takes plain uploads
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Created) return new MountResult(true, null);
            if (response.StatusCode == HttpStatusCode.Accepted) return new MountResult(false, BlobUpload.From(this, response, operation));
            return new MountResult(false, null);
        }
    }

    /// <summary>POST: opens an upload session.</summary>
    public async Task<BlobUpload> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        var operation = $"starting an upload to {repository}";
        using var response = await SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Post, Url($"{repository}/blobs/uploads/"))
        {
            Content = new ByteArrayContent([]),
        }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            if (response.IsSuccessStatusCode)
                throw new RegistryException(RegistryFailure.Protocol, Side, operation, $"HTTP {(int)response.StatusCode} instead of 202 Accepted");
            throw await Failed(response, operation, cancellationToken);
        }
        return BlobUpload.From(this, response, operation);
    }

    /// <summary>A blob held in memory (a new image config): POST, then one PUT with the bytes.</summary>
    public async Task PutBlobAsync(string repository, byte[] bytes, string digest, CancellationToken cancellationToken)
    {
        var upload = await StartUploadAsync(repository, cancellationToken);
        await upload.PutAsync(digest, () => new ByteArrayContent(bytes), replayable: true, cancellationToken);
    }
}
