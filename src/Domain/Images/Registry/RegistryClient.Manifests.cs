using System.Net.Http.Headers;

namespace Portal.Domain.Images.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Manifests larger than this are refused (the spec asks registries to take at least 4 MiB).</summary>
    private const int MaxManifestBytes = 4 << 20;

    /// <summary>
    /// Reads a manifest or index by tag or digest, offering every type this copy understands. The digest
    /// is computed from the bytes; an answer whose bytes do not match the digest asked for (or the
    /// registry's Docker-Content-Digest) is refused as corrupt.
    /// </summary>
    public async Task<ManifestBlob> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        var operation = $"reading the manifest {repository}{(reference.Contains(':', StringComparison.Ordinal) ? "@" : ":")}{reference}";
        using var response = await SendAsync(operation, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Url($"{repository}/manifests/{reference}"));
            foreach (var type in MediaTypes.Accepted) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            return request;
        }, cancellationToken);
        if (!response.IsSuccessStatusCode) throw await Failed(response, operation, cancellationToken);
        if (response.Content.Headers.ContentLength > MaxManifestBytes)
            throw new RegistryException(RegistryFailure.Protocol, Side, operation, $"the manifest is larger than {MaxManifestBytes >> 20} MiB");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        string mediaType;
        try
        {
            mediaType = ManifestBlob.DeclaredType(bytes, response.Content.Headers.ContentType?.MediaType);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RegistryException(RegistryFailure.Protocol, Side, operation, $"the answer is not a JSON manifest: {e.Message}", inner: e);
        }
        if (mediaType is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed)
            throw new RegistryException(RegistryFailure.Protocol, Side, operation,
                "it is a Docker schema 1 manifest, which registries stopped accepting; push the image again with a current client");
        if (!MediaTypes.IsIndex(mediaType) && !MediaTypes.IsManifest(mediaType))
            throw new RegistryException(RegistryFailure.Protocol, Side, operation, $"it is a {mediaType}, not an image");

        var manifest = ManifestBlob.Of(bytes, mediaType);
        var claimed = reference.StartsWith("sha256:", StringComparison.Ordinal) ? reference
            : response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
        if (claimed is not null && claimed.StartsWith("sha256:", StringComparison.Ordinal) && claimed != manifest.Digest)
            throw new RegistryException(RegistryFailure.Corrupt, Side, operation,
                $"its bytes hash to {manifest.Digest}, not to {claimed}");
        return manifest;
    }

    /// <summary>Stores a manifest under a digest or a tag, byte for byte; checks the digest the registry answers.</summary>
    public async Task PutManifestAsync(string repository, string reference, ManifestBlob manifest, CancellationToken cancellationToken)
    {
        var operation = $"pushing the manifest {repository}{(reference.StartsWith("sha256:", StringComparison.Ordinal) ? "@" : ":")}{reference}";
        using var response = await SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Put, Url($"{repository}/manifests/{reference}"))
        {
            Content = new ByteArrayContent(manifest.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue(manifest.MediaType) } },
        }, cancellationToken);
        if (!response.IsSuccessStatusCode) throw await Failed(response, operation, cancellationToken);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } stored && stored != manifest.Digest)
            throw new RegistryException(RegistryFailure.Protocol, Side, operation, $"the registry stored {stored}, not {manifest.Digest}");
    }
}
