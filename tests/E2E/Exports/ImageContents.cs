using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Portal.Testbed.Containers;

namespace Portal.Tests.E2E.Exports;

/// <summary>Reads a file out of an image's layers through the registry's HTTP API (each blob checked against its digest).</summary>
public static class ImageContents
{
    public static async Task<string?> ReadFileAsync(RegistryServer registry, string repository, RegistryManifest manifest, string path)
    {
        string? found = null;
        foreach (var layer in manifest.Json.GetProperty("layers").EnumerateArray())
        {
            var blob = await registry.GetBlobAsync(repository, layer.GetProperty("digest").GetString()!);
            Stream stream = new MemoryStream(blob);
            if (blob is [0x1f, 0x8b, ..]) stream = new GZipStream(stream, CompressionMode.Decompress);
            await using var tar = new TarReader(stream);
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                // Later layers win, as in a container's file system.
                if (entry.Name.TrimStart('.', '/') == path && entry.DataStream is { } data)
                    found = await new StreamReader(data, Encoding.UTF8).ReadToEndAsync();
            }
        }
        return found;
    }
}
