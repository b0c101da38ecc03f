using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Portal.Domain.Images;
using Portal.Domain.Runs;

namespace Portal.Tests.Unit.Domain.Images;

[Collection(ImageExportCollection.Name)]
public sealed class ImageExportTests(ImageExportFixture fx)
{
    [Fact]
    public async Task Pushes_the_projects_environment_as_version_and_latest_with_the_templates_label_and_env()
    {
        var source = await fx.Images.PublishAsync("domino/env-a", "rev1");
        var (user, project, environment) = fx.NewProject("churn-model", source);
        var template = "FROM {DOMINO_DOCKER_IMAGE}\nLABEL com.example.owner=\"data {team}\"\nENV EXPORTED_BY=portal\n";
        var progress = new RecordingProgress();

        var result = await fx.Exporter.ExportAsync(fx.Request(user, project, template), progress, default);

        Assert.Equal(StatusCode.Completed, result.Status);
        var repository = "team-a/churn-model";
        var version = await fx.Target.GetManifestAsync(repository, $"{environment.Id}-v1");
        var latest = await fx.Target.GetManifestAsync(repository, "latest");
        Assert.Equal(version.Digest, latest.Digest);
        Assert.Equal(
            [($"{fx.Target.Host}/{repository}:{environment.Id}-v1", version.Digest), ($"{fx.Target.Host}/{repository}:latest", version.Digest)],
            result.Images.Select(i => (i.Reference, i.Digest)));
        Assert.Equal(result.Images, progress.Images);

        var config = (await fx.Target.GetConfigAsync(repository, "latest")).GetProperty("config");
        Assert.Equal("data {team}", config.GetProperty("Labels").GetProperty("com.example.owner").GetString());
        Assert.Contains("EXPORTED_BY=portal", config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal(new ExportedEnvironment(environment.Id, 1, environment.Name, source), result.Environment);
        Assert.Equal(new ImageExportState(environment.Id, 1, result.NewState!.Fingerprint), result.NewState);
        Assert.Equal(
            [
                StatusCode.DockerExportInitiated, StatusCode.DockerExportImagePullStarted, StatusCode.DockerExportImagePullEnded,
                StatusCode.DockerExportImageBuildStarted, StatusCode.DockerExportImageBuildEnded,
                StatusCode.DockerExportImagePushStarted, StatusCode.DockerExportImagePushEnded,
            ],
            progress.Stages);
        Assert.True(progress.TransferredBytes > 0 && progress.LastTotals.Bytes >= progress.TransferredBytes);
        Assert.NotNull(result.Durations.Pull);
        Assert.NotNull(result.Durations.Build);
        Assert.NotNull(result.Durations.Push);
        Assert.Empty(await fx.Images.LocalTagsAsync());
    }
}
