using System.Text.Json;
using Portal.Domain.Images;
using Portal.Domain.Images.Templates;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Testbed.Registries;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images.Registry;

[Collection(RegistryCopyCollection.Name)]
public sealed class RegistryCopyTests(RegistryCopyFixture fx, ITestOutputHelper output)
{
    private static readonly StatusCode[] AllStages =
    [
        StatusCode.DockerExportInitiated, StatusCode.DockerExportImagePullStarted, StatusCode.DockerExportImagePullEnded,
        StatusCode.DockerExportImageBuildStarted, StatusCode.DockerExportImageBuildEnded,
        StatusCode.DockerExportImagePushStarted, StatusCode.DockerExportImagePushEnded,
    ];

    private Task<ImageExportResult> ExportAsync(ImageExportRequest request, RecordingProgress? progress = null) =>
        RegistryCopyOutput.ExportAsync(fx.Exporter, request, output, progress);

    [Fact]
    public async Task Copies_an_image_registry_to_registry_and_tags_version_and_latest_without_an_engine()
    {
        var (source, spec) = await TestSources.PublishAsync(fx.DominoRegistry, "domino/plain", "rev1");
        var (user, project, environment) = fx.NewProject("plain-copy", source.Reference);
        var progress = new RecordingProgress();

        var result = await ExportAsync(fx.Request(user, project), progress);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(ImageExportPath.Registry, result.Path);
        Assert.Equal("only names the environment's image: copied registry to registry", result.PathReason);
        var version = await fx.Target.GetManifestAsync("team-a/plain-copy", $"{environment.Id}-v1");
        var latest = await fx.Target.GetManifestAsync("team-a/plain-copy", "latest");
        Assert.Equal(source.Digest, version.Digest);
        Assert.Equal(source.Digest, latest.Digest);
        Assert.Equal(source.Bytes, latest.Bytes);
        Assert.Equal(
            [($"{fx.Target.Host}/team-a/plain-copy:{environment.Id}-v1", source.Digest), ($"{fx.Target.Host}/team-a/plain-copy:latest", source.Digest)],
            result.Images.Select(i => (i.Reference, i.Digest)));
        Assert.Equal(result.Images, progress.Images);
        Assert.Equal(spec.Layers[0].Bytes(), await fx.Target.GetBlobAsync("team-a/plain-copy", spec.Layers[0].Digest));
        Assert.Equal(2, result.Layers.Count); // the config and the layer
        Assert.All(result.Layers, l => Assert.Equal(LayerOutcome.Copied, l.Outcome));
        Assert.Equal(result.Layers.OrderBy(l => l.Digest), progress.Layers.OrderBy(l => l.Digest));
        Assert.Equal(result.Layers.Sum(l => l.Size), progress.TransferredBytes);
        Assert.Equal((2, result.Layers.Sum(l => l.Size)), progress.LastTotals);
        Assert.Equal(AllStages, progress.Stages);
        Assert.NotNull(result.Durations.Pull);
        Assert.NotNull(result.Durations.Push);
    }

    [Fact]
    public async Task Copies_a_multi_platform_index_with_every_platform_byte_for_byte()
    {
        var images = new RegistryImages(fx.DominoRegistry);
        var shared = await TestLayer.RandomAsync(100_000, seed: 11);
        var amd64 = new ImageSpec([shared, await TestLayer.RandomAsync(50_000, seed: 12)]);
        var arm64 = new ImageSpec([shared, await TestLayer.RandomAsync(50_000, seed: 13)], Architecture: "arm64", Variant: "v8");
        var index = await images.PushIndexAsync("domino/multi", "rev1", [amd64, arm64], oci: true, withAttestation: true);
        var (user, project, _) = fx.NewProject("multi-arch", index.Reference);

        var result = await ExportAsync(fx.Request(user, project));

        Assert.Equal(StatusCode.Completed, result.Status);
        var copied = await fx.Target.GetManifestAsync("team-a/multi-arch", "latest");
        Assert.Equal(index.Digest, copied.Digest);
        Assert.Equal("application/vnd.oci.image.index.v1+json", copied.MediaType);
        foreach (var entry in copied.Json.GetProperty("manifests").EnumerateArray())
        {
            var child = await fx.Target.GetManifestAsync("team-a/multi-arch", entry.GetProperty("digest").GetString()!);
            foreach (var blob in child.Json.GetProperty("layers").EnumerateArray().Append(child.Json.GetProperty("config")))
                Assert.NotEmpty(await fx.Target.GetBlobAsync("team-a/multi-arch", blob.GetProperty("digest").GetString()!));
        }
        Assert.Equal(["linux/amd64", "linux/arm64/v8"], result.Platforms);
        // The shared layer went once; each platform's own layer and config, and the attestation's two blobs, once each.
        Assert.Equal(3 + 2 + 2, result.Layers.Count);
        Assert.Single(result.Layers, l => l.Digest == shared.Digest);
        Assert.Equal(index.Digest, result.Images[0].Digest);
    }

    [Fact]
    public async Task Copies_only_the_platform_an_export_asks_for()
    {
        var images = new RegistryImages(fx.DominoRegistry);
        var amd64 = new ImageSpec([await TestLayer.RandomAsync(20_000, seed: 21)]);
        var arm64 = new ImageSpec([await TestLayer.RandomAsync(20_000, seed: 22)], Architecture: "arm64", Variant: "v8");
        var list = await images.PushIndexAsync("domino/list", "rev1", [amd64, arm64], oci: false);
        var (user, project, _) = fx.NewProject("one-platform", list.Reference);
        var sourceList = await fx.DominoRegistry.GetManifestAsync("domino/list", "rev1");
        var arm = sourceList.Json.GetProperty("manifests")[1].GetProperty("digest").GetString();

        var result = await ExportAsync(fx.Request(user, project) with { Platform = "linux/arm64" });
        var missing = await ExportAsync(fx.Request(user, project) with { Platform = "linux/s390x", Force = true });

        Assert.Equal(StatusCode.Completed, result.Status);
        var copied = await fx.Target.GetManifestAsync("team-a/one-platform", "latest");
        Assert.Equal(arm, copied.Digest);
        Assert.Equal("application/vnd.docker.distribution.manifest.v2+json", copied.MediaType);
        Assert.Equal(["linux/arm64/v8"], result.Platforms);
        Assert.DoesNotContain(result.Layers, l => l.Digest == amd64.Layers[0].Digest);
        Assert.Equal(StatusCode.DockerImageNotFound, missing.Status);
        Assert.Contains("has no image for linux/s390x, only for linux/amd64, linux/arm64/v8", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applies_a_LABEL_and_ENV_template_as_a_new_config_and_leaves_every_layer_as_it_was()
    {
        var images = new RegistryImages(fx.DominoRegistry);
        var amd64 = new ImageSpec([await TestLayer.RandomAsync(30_000, seed: 31)], Env: ["PATH=/usr/bin:/bin", "LANG=C"]);
        var arm64 = amd64 with { Architecture = "arm64" };
        var index = await images.PushIndexAsync("domino/labelled", "rev1", [amd64, arm64], oci: true, withAttestation: true);
        var (user, project, _) = fx.NewProject("labelled", index.Reference);
        const string template = """
            FROM {DOMINO_DOCKER_IMAGE}
            ARG TARGETARCH
            ARG TEAM="data science"
            LABEL com.example.owner="$TEAM" com.example.arch=${TARGETARCH}
            ENV PATH=/opt/tools/bin:$PATH \
                EXPORTED_BY=portal
            """;

        var result = await ExportAsync(fx.Request(user, project, template));

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal("only sets build arguments, labels and environment: copied registry to registry", result.PathReason);
        var copied = await fx.Target.GetManifestAsync("team-a/labelled", "latest");
        Assert.NotEqual(index.Digest, copied.Digest);
        var entries = copied.Json.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count); // the attestation described the old images and is dropped
        foreach (var (entry, arch) in entries.Zip(["amd64", "arm64"]))
        {
            Assert.Equal(arch, entry.GetProperty("platform").GetProperty("architecture").GetString());
            var manifest = await fx.Target.GetManifestAsync("team-a/labelled", entry.GetProperty("digest").GetString()!);
            Assert.Equal(amd64.Layers[0].Digest, manifest.Json.GetProperty("layers")[0].GetProperty("digest").GetString());
            var configDigest = manifest.Json.GetProperty("config").GetProperty("digest").GetString()!;
            var config = JsonDocument.Parse(await fx.Target.GetBlobAsync("team-a/labelled", configDigest)).RootElement;
            var labels = config.GetProperty("config").GetProperty("Labels");
            Assert.Equal("data science", labels.GetProperty("com.example.owner").GetString());
            Assert.Equal(arch, labels.GetProperty("com.example.arch").GetString());
            Assert.Equal(["PATH=/opt/tools/bin:/usr/bin:/bin", "LANG=C", "EXPORTED_BY=portal"],
                config.GetProperty("config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(RegistryImages.Created, config.GetProperty("created").GetString());
            var history = config.GetProperty("history").EnumerateArray().ToList();
            Assert.Equal(1 + 4, history.Count);
            Assert.All(history.Skip(1), h => Assert.True(h.GetProperty("empty_layer").GetBoolean()));
            Assert.Equal("ENV PATH=/opt/tools/bin:/usr/bin:/bin EXPORTED_BY=portal", history[^1].GetProperty("created_by").GetString());
            Assert.Equal(amd64.Layers[0].DiffId, config.GetProperty("rootfs").GetProperty("diff_ids")[0].GetString());
        }
        // Layers were not touched: only the two new configs moved besides the one layer.
        Assert.Equal(3, result.Layers.Count);
    }

    [Fact]
    public async Task A_second_export_of_an_unchanged_revision_uploads_no_blob()
    {
        var (source, _) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, "domino/unchanged", "rev1", layers: 4);
        var (user, project, _) = fx.NewProject("unchanged-again", source.Reference);
        await using var target = await RegistryProxy.StartAsync(fx.Target);
        var request = fx.Request(user, project, "FROM {DOMINO_DOCKER_IMAGE}\nLABEL tier=gold\n",
            target: new RegistryLogin(target.Host, RegistryCopyFixture.TargetUser, RegistryCopyFixture.TargetPassword));
        var first = await ExportAsync(request);
        var before = target.Requests.Count;

        var second = await ExportAsync(request with { Force = true });

        Assert.Equal(StatusCode.Completed, first.Status);
        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal(first.Images[0].Digest, second.Images[0].Digest); // the template's config is the same, so is the image
        Assert.All(second.Layers, l => Assert.Equal(LayerOutcome.Present, l.Outcome));
        Assert.Equal(5, second.Layers.Count);
        var requests = target.Requests.Skip(before).ToList();
        Assert.DoesNotContain(requests, r => r.Path.Contains("/blobs/uploads", StringComparison.Ordinal));
        Assert.Equal(5, requests.Count(r => r.Method == "HEAD" && r.Path.Contains("/blobs/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Mounts_blobs_from_the_source_repository_when_both_are_on_one_registry()
    {
        var (source, spec) = await TestSources.PublishLayeredAsync(fx.DominoRegistry, "domino/mountable", "rev1", layers: 2, seed: 5);
        var (user, project, _) = fx.NewProject("mounted", source.Reference);

        var result = await ExportAsync(fx.Request(user, project, target: new RegistryLogin(fx.DominoRegistry.Host,
            RegistryCopyFixture.DominoUser, RegistryCopyFixture.DominoPassword)));

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(3, result.Layers.Count);
        Assert.All(result.Layers, l => Assert.Equal(LayerOutcome.Mounted, l.Outcome));
        Assert.Equal(source.Digest, (await fx.DominoRegistry.GetManifestAsync("team-a/mounted", "latest")).Digest);
        Assert.Equal(spec.Layers[1].Bytes(), await fx.DominoRegistry.GetBlobAsync("team-a/mounted", spec.Layers[1].Digest));
    }
}
