using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Domain.Images.Registry;

/// <summary>The platform of an index entry or an image config: <c>os/architecture[/variant]</c>.</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    public static bool TryParse(string? text, out Platform? platform)
    {
        var parts = (text ?? "").Trim().Split('/');
        platform = parts.Length is 2 or 3 && parts.All(p => p.Length > 0)
            ? new Platform(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null)
            : null;
        return platform is not null;
    }

    /// <summary>Whether an entry of this platform serves a request for <paramref name="wanted"/> (a variant left out matches any).</summary>
    public bool Serves(Platform wanted) =>
        Os == wanted.Os && Architecture == wanted.Architecture && (wanted.Variant is null || wanted.Variant == Variant);
}

/// <summary>A content descriptor: what a manifest or index points to.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size, Platform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null, bool HasUrls = false)
{
    public static Descriptor Read(JsonElement e)
    {
        Platform? platform = null;
        if (e.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
            platform = new Platform(Text(p, "os") ?? "", Text(p, "architecture") ?? "", Text(p, "variant"));
        Dictionary<string, string>? annotations = null;
        if (e.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
            annotations = a.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.ToString());
        return new Descriptor(Text(e, "mediaType") ?? "", Text(e, "digest") ?? "",
            e.TryGetProperty("size", out var s) && s.TryGetInt64(out var size) ? size : -1,
            platform, annotations, e.TryGetProperty("urls", out var u) && u.ValueKind == JsonValueKind.Array && u.GetArrayLength() > 0);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>A manifest or index exactly as the registry stored it: bytes, media type, and the digest of those bytes.</summary>
public sealed record ManifestBlob(byte[] Bytes, string MediaType, string Digest)
{
    public static ManifestBlob Of(byte[] bytes, string mediaType) => new(bytes, mediaType, DigestOf(bytes));

    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>An index's entries.</summary>
    public IReadOnlyList<Descriptor> Entries => Array("manifests");

    /// <summary>An image manifest's config descriptor.</summary>
    public Descriptor Config => Descriptor.Read(Root.GetProperty("config"));

    /// <summary>An image manifest's layers.</summary>
    public IReadOnlyList<Descriptor> Layers => Array("layers");

    /// <summary>The type a manifest declares in its own <c>mediaType</c> field (OCI makes it optional), else <paramref name="fallback"/>.</summary>
    public static string DeclaredType(byte[] bytes, string? fallback)
    {
        var root = JsonSerializer.Deserialize<JsonElement>(bytes);
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("a manifest is a JSON object");
        if (root.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String && m.GetString() is { Length: > 0 } declared)
            return declared;
        if (fallback is { Length: > 0 } f && f != "application/json" && f != "text/plain") return f;
        // An OCI manifest without mediaType (and a registry that answers a generic type): its fields tell.
        return root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
    }

    /// <summary>A copy with the given entry descriptors replaced (digest and size), every other byte of meaning kept.</summary>
    public ManifestBlob WithReplaced(IReadOnlyDictionary<string, Descriptor> replacements, ISet<string>? dropped = null)
    {
        var root = JsonNode.Parse(Bytes)!.AsObject();
        void Replace(JsonObject d)
        {
            if (d["digest"]?.GetValue<string>() is { } digest && replacements.TryGetValue(digest, out var r))
            {
                d["digest"] = r.Digest;
                d["size"] = r.Size;
            }
        }
        if (root["config"] is JsonObject config) Replace(config);
        if (root["manifests"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>().ToList())
            {
                if (dropped is not null && entry["digest"]?.GetValue<string>() is { } d && dropped.Contains(d)) entries.Remove(entry);
                else Replace(entry);
            }
        }
        return Of(JsonSerializer.SerializeToUtf8Bytes(root, JsonOptions.Compact), MediaType);
    }

    public static string DigestOf(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private JsonElement Root => JsonSerializer.Deserialize<JsonElement>(Bytes);

    private IReadOnlyList<Descriptor> Array(string name) =>
        Root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(Descriptor.Read).ToList() : [];
}

internal static class JsonOptions
{
    /// <summary>Compact, and no escaping of characters JSON allows as they are (Go writes &lt; as \u003c; either is valid).</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
