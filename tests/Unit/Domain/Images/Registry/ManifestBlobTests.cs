using System.Text;
using System.Text.Json;
using Portal.Domain.Images.Registry;

namespace Portal.Tests.Unit.Domain.Images.Registry;

public sealed class ManifestBlobTests
{
    private const string Index = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:aaa","size":10,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"x":"y"}},
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:bbb","size":20,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:ccc","size":30,"platform":{"architecture":"unknown","os":"unknown"},
          "annotations":{"vnd.docker.reference.digest":"sha256:aaa","vnd.docker.reference.type":"attestation-manifest"}}],
         "annotations":{"org.opencontainers.image.created":"2024-05-01"}}
        """;

    [Fact]
    public void Reads_the_entries_of_an_index_with_their_platforms()
    {
        var index = ManifestBlob.Of(Encoding.UTF8.GetBytes(Index), MediaTypes.OciIndex);

        Assert.True(index.IsIndex);
        Assert.Equal(["linux/amd64", "linux/arm64/v8", "unknown/unknown"], index.Entries.Select(e => e.Platform!.ToString()));
        Assert.Equal("y", index.Entries[0].Annotations!["x"]);
        Assert.True(index.Entries[1].Platform!.Serves(new Platform("linux", "arm64")));
        Assert.False(index.Entries[1].Platform!.Serves(new Platform("linux", "arm64", "v7")));
    }

    [Fact]
    public void Replaces_descriptors_and_drops_entries_keeping_everything_else()
    {
        var index = ManifestBlob.Of(Encoding.UTF8.GetBytes(Index), MediaTypes.OciIndex);

        var changed = index.WithReplaced(new Dictionary<string, Descriptor>
        {
            ["sha256:aaa"] = new(MediaTypes.OciManifest, "sha256:new", 99),
        }, new HashSet<string> { "sha256:ccc" });

        var json = JsonDocument.Parse(changed.Bytes).RootElement;
        Assert.Equal(["sha256:new", "sha256:bbb"], json.GetProperty("manifests").EnumerateArray().Select(e => e.GetProperty("digest").GetString()));
        Assert.Equal(99, json.GetProperty("manifests")[0].GetProperty("size").GetInt64());
        Assert.Equal("y", json.GetProperty("manifests")[0].GetProperty("annotations").GetProperty("x").GetString());
        Assert.Equal("2024-05-01", json.GetProperty("annotations").GetProperty("org.opencontainers.image.created").GetString());
        Assert.Equal(ManifestBlob.DigestOf(changed.Bytes), changed.Digest);
    }

    [Theory]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json"}""", "application/json", MediaTypes.DockerManifest)]
    [InlineData("""{"schemaVersion":2,"config":{},"layers":[]}""", MediaTypes.OciManifest, MediaTypes.OciManifest)]
    [InlineData("""{"schemaVersion":2,"manifests":[]}""", "application/json", MediaTypes.OciIndex)]
    [InlineData("""{"schemaVersion":2,"layers":[]}""", null, MediaTypes.OciManifest)]
    public void Takes_the_type_from_the_manifest_then_the_answer_then_its_fields(string json, string? contentType, string expected)
    {
        Assert.Equal(expected, ManifestBlob.DeclaredType(Encoding.UTF8.GetBytes(json), contentType));
    }

    [Theory]
    [InlineData("linux/amd64", true)]
    [InlineData("linux/arm/v7", true)]
    [InlineData("linux", false)]
    [InlineData("linux//v7", false)]
    [InlineData("a/b/c/d", false)]
    public void Parses_platforms(string text, bool valid)
    {
        Assert.Equal(valid, Platform.TryParse(text, out _));
    }
}
