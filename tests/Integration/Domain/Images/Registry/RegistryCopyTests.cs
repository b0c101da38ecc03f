using Portal.Domain.Images;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Testbed.Registries;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images.Registry;

[Collection(RegistryCopyCollection.Name)]
public sealed class RegistryCopyTests(RegistryCopyFixture fx, ITestOutputHelper output)
{
    private async Task<ImageExportResult> ExportAsync(ImageExportRequest request, ImageExporter? exporter = null, RecordingProgress? progress = null)
    {
        var result = await (exporter ?? fx.Exporter).ExportAsync(request, progress ?? new RecordingProgress(), default);
        output.WriteLine($"{(int)result.Status} {result.Status}: {result.Message}\n  path: {result.Path} ({result.PathReason})\n  details: {result.ExceptionDetails}");
        foreach (var layer in result.Layers) output.WriteLine($"  {layer.Outcome} {layer.Digest} {layer.Size} ({layer.Attempts} tries)");
        return result;
    }

    [Fact]
    public async Task Copies_an_image_registry_to_registry_and_tags_version_and_latest_without_an_engine()
    {
        var (source, spec) = await TestSources.PublishAsync(fx.DominoRegistry, "domino/plain", "rev1");
        var (user, project, environment) = fx.NewProject("plain-copy", source.Reference);
        var progress = new RecordingProgress();

        var result = await ExportAsync(fx.Request(user, project), progress: progress);

        Assert.Equal(StatusCode.Completed, result.Status);
        Assert.Equal(ImageExportPath.Registry, result.Path);
        var version = await fx.Target.GetManifestAsync("team-a/plain-copy", $"{environment.Id}-v1");
        var latest = await fx.Target.GetManifestAsync("team-a/plain-copy", "latest");
        Assert.Equal(source.Digest, version.Digest);
        Assert.Equal(source.Digest, latest.Digest);
        Assert.Equal([source.Digest, source.Digest], result.Images.Select(i => i.Digest));
        Assert.Equal(spec.Layers[0].Digest, (await fx.Target.GetManifestAsync("team-a/plain-copy", "latest")).Json.GetProperty("layers")[0].GetProperty("digest").GetString());
        Assert.All(result.Layers, l => Assert.Equal(LayerOutcome.Copied, l.Outcome));
        Assert.Equal(2, result.Layers.Count); // the config and the layer
        Assert.Equal(result.Layers.Sum(l => l.Size), progress.TransferredBytes);
        Assert.Equal(
            [
                StatusCode.DockerExportInitiated, StatusCode.DockerExportImagePullStarted, StatusCode.DockerExportImagePullEnded,
                StatusCode.DockerExportImageBuildStarted, StatusCode.DockerExportImageBuildEnded,
                StatusCode.DockerExportImagePushStarted, StatusCode.DockerExportImagePushEnded,
            ],
            progress.Stages);
    }
}
