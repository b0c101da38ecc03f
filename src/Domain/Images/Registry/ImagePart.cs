using System.Text.Json;

namespace Portal.Domain.Images.Registry;

/// <summary>One platform's image (or an attestation) of the copy.</summary>
internal sealed class ImagePart(Descriptor? entry, ManifestBlob manifest)
{
    public Descriptor? Entry { get; } = entry;
    public ManifestBlob Manifest { get; } = manifest;
    public ManifestBlob Output { get; set; } = manifest;
    public byte[]? Config { get; set; }
    public bool IsAttestation => Entry is not null && ImageCopy.IsAttestation(Entry);
    public Platform? Platform => Entry?.Platform ?? ConfigPlatform;

    public Platform? ConfigPlatform
    {
        get
        {
            if (Config is null) return null;
            var json = JsonSerializer.Deserialize<JsonElement>(Config);
            string? Get(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Get("os") is { } os && Get("architecture") is { } arch ? new Platform(os, arch, Get("variant")) : null;
        }
    }
}
