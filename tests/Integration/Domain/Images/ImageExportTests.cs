using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Portal.Domain.Images;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Images;

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
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Runs_the_RUN_steps_of_a_template_inside_the_image()
    {
        var source = await fx.Images.PublishAsync("domino/env-shell", "rev1", withShell: true);
        var (user, project, _) = fx.NewProject("with-run", source);
        var template = "# exported by the portal\nFROM {DOMINO_DOCKER_IMAGE}\nRUN echo \"built by ${HOSTNAME:-template}\" > /built.txt\n";

        var result = await fx.Exporter.ExportAsync(fx.Request(user, project, template), new RecordingProgress(), default);

        Assert.Equal(StatusCode.Completed, result.Status);
        var manifest = await fx.Target.GetManifestAsync("team-a/with-run", "latest");
        var top = manifest.Json.GetProperty("layers").EnumerateArray().Last().GetProperty("digest").GetString()!;
        var files = await ReadLayerAsync(await fx.Target.GetBlobAsync("team-a/with-run", top));
        Assert.StartsWith("built by ", files["built.txt"], StringComparison.Ordinal);
        Assert.Contains(result.BuildOutput, line => line.Contains("RUN echo", StringComparison.Ordinal));
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Skips_a_revision_already_exported_with_the_same_template_and_names()
    {
        var (user, project, _) = fx.NewProject("unchanged", await fx.Images.PublishAsync("domino/env-b", "rev1"));
        var first = await fx.Exporter.ExportAsync(fx.Request(user, project), new RecordingProgress(), default);
        var progress = new RecordingProgress();

        var second = await fx.Exporter.ExportAsync(fx.Request(user, project) with { LastState = first.NewState }, progress, default);

        Assert.Equal(StatusCode.Completed, first.Status);
        Assert.Equal(StatusCode.Skipped, second.Status);
        Assert.Equal(first.NewState, second.NewState);
        Assert.Equal([StatusCode.DockerExportInitiated], progress.Stages);
        Assert.Empty(second.Images);
    }

    [Fact]
    public async Task Exports_again_when_the_template_changes_or_the_run_is_forced()
    {
        var (user, project, _) = fx.NewProject("changed", await fx.Images.PublishAsync("domino/env-c", "rev1"));
        var first = await fx.Exporter.ExportAsync(fx.Request(user, project), new RecordingProgress(), default);

        var relabelled = await fx.Exporter.ExportAsync(
            fx.Request(user, project, DockerTemplate.StandardText + "LABEL tier=gold\n") with { LastState = first.NewState },
            new RecordingProgress(), default);
        var forced = await fx.Exporter.ExportAsync(
            fx.Request(user, project, DockerTemplate.StandardText + "LABEL tier=gold\n") with { LastState = relabelled.NewState, Force = true },
            new RecordingProgress(), default);

        Assert.Equal(StatusCode.Completed, relabelled.Status);
        Assert.NotEqual(first.NewState!.Fingerprint, relabelled.NewState!.Fingerprint);
        Assert.Equal(StatusCode.Completed, forced.Status);
        var config = await fx.Target.GetConfigAsync("team-a/changed", "latest");
        Assert.Equal("gold", config.GetProperty("config").GetProperty("Labels").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Exports_an_environments_newest_revision_and_moves_latest_to_it()
    {
        var (user, project, environment) = fx.NewProject("env-export", await fx.Images.PublishAsync("domino/env-d", "rev1"));
        var request = fx.Request(user, project) with { Source = new ImageSource.Environment(environment.Id), ProjectName = "base-env" };
        var first = await fx.Exporter.ExportAsync(request, new RecordingProgress(), default);
        environment.AddRevision(await fx.Images.PublishAsync("domino/env-d", "rev2"));

        var second = await fx.Exporter.ExportAsync(request with { LastState = first.NewState }, new RecordingProgress(), default);

        Assert.Equal(StatusCode.Completed, second.Status);
        Assert.Equal(2, second.Environment!.Revision);
        var v1 = await fx.Target.GetManifestAsync("team-a/base-env", $"{environment.Id}-v1");
        var v2 = await fx.Target.GetManifestAsync("team-a/base-env", $"{environment.Id}-v2");
        var latest = await fx.Target.GetManifestAsync("team-a/base-env", "latest");
        Assert.NotEqual(v1.Digest, v2.Digest);
        Assert.Equal(v2.Digest, latest.Digest);
        Assert.Equal(v2.Digest, second.Images[0].Digest);
    }

    [Fact]
    public async Task Stops_when_cancelled_and_removes_what_it_pulled()
    {
        var (user, project, _) = fx.NewProject("cancelled", await fx.Images.PublishAsync("domino/env-e", "rev1"));
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress
        {
            OnStage = stage => { if (stage == StatusCode.DockerExportImageBuildStarted) cancellation.Cancel(); },
        };

        var result = await fx.Exporter.ExportAsync(fx.Request(user, project), progress, cancellation.Token);

        Assert.Equal(StatusCode.ExecutionCancelled, result.Status);
        Assert.Contains("cancelled while building", result.Message, StringComparison.Ordinal);
        Assert.Null(result.NewState);
        Assert.Null(await fx.Target.FindManifestAsync("team-a/cancelled", "latest"));
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Reports_an_unexpected_failure_as_199_with_its_type_and_still_cleans_up()
    {
        var (user, project, _) = fx.NewProject("unexpected", await fx.Images.PublishAsync("domino/env-i", "rev1"));
        var progress = new RecordingProgress
        {
            OnStage = stage => { if (stage == StatusCode.DockerExportImageBuildEnded) throw new InvalidOperationException("progress store is down"); },
        };

        var result = await fx.Exporter.ExportAsync(fx.Request(user, project), progress, default);

        Assert.Equal(StatusCode.UnknownError, result.Status);
        Assert.Equal("An unexpected error has occurred: InvalidOperationException", result.Message);
        Assert.Equal("System.InvalidOperationException", result.ExceptionType);
        Assert.Contains("progress store is down", result.ExceptionDetails, StringComparison.Ordinal);
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    private static async Task<Dictionary<string, string>> ReadLayerAsync(byte[] layer)
    {
        var files = new Dictionary<string, string>();
        await using var gzip = new GZipStream(new MemoryStream(layer), CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
            if (entry.DataStream is { } data)
                files[entry.Name.TrimStart('.', '/')] = await new StreamReader(data, Encoding.UTF8).ReadToEndAsync();
        return files;
    }
}
