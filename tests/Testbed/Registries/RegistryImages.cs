using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Testbed.Containers;

namespace Portal.Testbed.Registries;

/// <summary>What an image is made of: its layers, platform, and the config fields a test looks at.</summary>
public sealed record ImageSpec(IReadOnlyList<TestLayer> Layers, string Os = "linux", string Architecture = "amd64", string? Variant = null,
    IReadOnlyList<string>? Cmd = null, IReadOnlyList<string>? Env = null, IReadOnlyDictionary<string, string>? Labels = null, bool Oci = false,
    string? User = null);

/// <summary>A manifest or index as pushed: its reference, digest and media type.</summary>
public sealed record PushedImage(string Reference, string Digest, string MediaType, byte[] Bytes);

/// <summary>
/// Publishes test images straight through the distribution API (no engine): layers, a config with
/// history, Docker schema 2 or OCI manifests, and manifest lists / OCI indexes across platforms,
/// optionally with an attestation manifest as BuildKit adds. Large layers stream from their generator.
/// </summary>
public sealed class RegistryImages(RegistryServer registry)
{
    public const string Created = "2024-05-01T00:00:00Z";

    public async Task<PushedImage> PushImageAsync(string repository, string? tag, ImageSpec spec)
    {
        foreach (var layer in spec.Layers) await PushLayerAsync(repository, layer);
        var config = Encoding.UTF8.GetBytes(Config(spec).ToJsonString());
        var configDigest = await PushBlobAsync(repository, config);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = spec.Oci ? "application/vnd.oci.image.manifest.v1+json" : "application/vnd.docker.distribution.manifest.v2+json",
            ["config"] = Descriptor(spec.Oci ? "application/vnd.oci.image.config.v1+json" : "application/vnd.docker.container.image.v1+json",
                configDigest, config.Length),
            ["layers"] = new JsonArray(spec.Layers.Select(l => (JsonNode?)Descriptor(
                spec.Oci ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.docker.image.rootfs.diff.tar.gzip", l.Digest, l.Size)).ToArray()),
        };
        return await PutManifestAsync(repository, tag, manifest);
    }

    /// <summary>An index (OCI) or manifest list (Docker) over one image per spec, plus an attestation manifest for the first if asked.</summary>
    public async Task<PushedImage> PushIndexAsync(string repository, string tag, IReadOnlyList<ImageSpec> images, bool oci, bool withAttestation = false)
    {
        var entries = new JsonArray();
        foreach (var spec in images)
        {
            var image = await PushImageAsync(repository, null, spec with { Oci = oci });
            var platform = new JsonObject { ["architecture"] = spec.Architecture, ["os"] = spec.Os };
            if (spec.Variant is not null) platform["variant"] = spec.Variant;
            var entry = Descriptor(image.MediaType, image.Digest, image.Bytes.Length);
            entry["platform"] = platform;
            entries.Add(entry);
        }
        if (withAttestation)
        {
            var statement = Encoding.UTF8.GetBytes("""{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document"}""");
            var statementDigest = await PushBlobAsync(repository, statement);
            var config = Encoding.UTF8.GetBytes("""{"architecture":"unknown","os":"unknown","config":{},"rootfs":{"type":"layers","diff_ids":[]}}""");
            var configDigest = await PushBlobAsync(repository, config);
            var attestation = await PutManifestAsync(repository, null, new JsonObject
            {
                ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
                ["layers"] = new JsonArray(Descriptor("application/vnd.in-toto+json", statementDigest, statement.Length)),
            });
            var entry = Descriptor(attestation.MediaType, attestation.Digest, attestation.Bytes.Length);
            entry["platform"] = new JsonObject { ["architecture"] = "unknown", ["os"] = "unknown" };
            entry["annotations"] = new JsonObject
            {
                ["vnd.docker.reference.digest"] = entries[0]!["digest"]!.GetValue<string>(), ["vnd.docker.reference.type"] = "attestation-manifest",
            };
            entries.Add(entry);
        }
        return await PutManifestAsync(repository, tag, new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = oci ? "application/vnd.oci.image.index.v1+json" : "application/vnd.docker.distribution.manifest.list.v2+json",
            ["manifests"] = entries,
        });
    }

    /// <summary>Uploads a layer (POST, one streamed PATCH, PUT) unless the repository has it.</summary>
    public async Task PushLayerAsync(string repository, TestLayer layer)
    {
        using var head = await registry.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{layer.Digest}"));
        if (head.IsSuccessStatusCode) return;
        var location = await StartUploadAsync(repository);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new LayerContent(layer) };
        using var patched = await registry.Http.SendAsync(patch);
        await EnsureAsync(patched, HttpStatusCode.Accepted, "PATCH");
        await CompleteAsync(Next(patched), layer.Digest, null);
    }

    public async Task<string> PushBlobAsync(string repository, byte[] bytes)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await CompleteAsync(await StartUploadAsync(repository), digest, bytes);
        return digest;
    }

    private static JsonObject Config(ImageSpec spec)
    {
        var config = new JsonObject
        {
            ["Env"] = new JsonArray((spec.Env ?? ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]).Select(e => (JsonNode?)e).ToArray()),
        };
        if (spec.Cmd is not null) config["Cmd"] = new JsonArray(spec.Cmd.Select(c => (JsonNode?)c).ToArray());
        if (spec.Labels is not null) config["Labels"] = new JsonObject(spec.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        if (spec.User is not null) config["User"] = spec.User;
        var root = new JsonObject { ["architecture"] = spec.Architecture, ["os"] = spec.Os };
        if (spec.Variant is not null) root["variant"] = spec.Variant;
        root["created"] = Created;
        root["config"] = config;
        root["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(spec.Layers.Select(l => (JsonNode?)l.DiffId).ToArray()) };
        root["history"] = new JsonArray(spec.Layers.Select((l, i) => (JsonNode?)new JsonObject
        {
            ["created"] = Created, ["created_by"] = $"COPY layer-{i} / # test image",
        }).ToArray());
        return root;
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    private async Task<PushedImage> PutManifestAsync(string repository, string? tag, JsonObject manifest)
    {
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var mediaType = manifest["mediaType"]!.GetValue<string>();
        var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"v2/{repository}/manifests/{tag ?? digest}")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
        };
        using var response = await registry.Http.SendAsync(put);
        await EnsureAsync(response, HttpStatusCode.Created, "PUT manifest");
        return new PushedImage($"{registry.Host}/{repository}{(tag is null ? "@" + digest : ":" + tag)}", digest, mediaType, bytes);
    }

    private async Task<Uri> StartUploadAsync(string repository)
    {
        using var response = await registry.Http.PostAsync($"v2/{repository}/blobs/uploads/", null);
        await EnsureAsync(response, HttpStatusCode.Accepted, "POST upload");
        return Next(response);
    }

    private async Task CompleteAsync(Uri location, string digest, byte[]? bytes)
    {
        var builder = new UriBuilder(location);
        builder.Query = (builder.Query.TrimStart('?') is { Length: > 0 } q ? q + "&" : "") + "digest=" + Uri.EscapeDataString(digest);
        using var put = new HttpRequestMessage(HttpMethod.Put, builder.Uri) { Content = new ByteArrayContent(bytes ?? []) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await registry.Http.SendAsync(put);
        await EnsureAsync(response, HttpStatusCode.Created, "PUT blob");
    }

    private static Uri Next(HttpResponseMessage response) => new(response.RequestMessage!.RequestUri!, response.Headers.Location!);

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"Test image setup: {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A layer streamed from its generator as a request body.</summary>
    private sealed class LayerContent(TestLayer layer) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => layer.WriteToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = layer.Size;
            return true;
        }
    }
}
