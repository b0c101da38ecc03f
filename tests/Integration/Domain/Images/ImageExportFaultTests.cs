using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Images;
using Xunit.Abstractions;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Domain.Images;

[Collection(ImageExportCollection.Name)]
public sealed class ImageExportFaultTests(ImageExportFixture fx, ITestOutputHelper output)
{
    private async Task<ImageExportResult> ExportAsync(ImageExportRequest request, ImageExporter? exporter = null, RecordingProgress? progress = null)
    {
        var result = await (exporter ?? fx.Exporter).ExportAsync(request, progress ?? new RecordingProgress(), default);
        output.WriteLine($"{(int)result.Status} {result.Status}: {result.Message}\n  type: {result.ExceptionType}\n  details: {result.ExceptionDetails}\n");
        return result;
    }

    [Fact]
    public async Task Rejects_a_template_that_does_not_start_with_the_FROM_placeholder_before_pulling()
    {
        var (user, project, _) = fx.NewProject("bad-template", $"{fx.DominoRegistry.Host}/domino/never-pulled:1");
        var progress = new RecordingProgress();

        var result = await ExportAsync(fx.Request(user, project, "FROM python:3.12\nLABEL a=b\n"), progress: progress);

        Assert.Equal(StatusCode.DockerTemplateError, result.Status);
        Assert.Contains("must start with the line FROM {DOMINO_DOCKER_IMAGE}", result.Message, StringComparison.Ordinal);
        Assert.Contains("FROM python:3.12", result.Message, StringComparison.Ordinal);
        Assert.Equal([StatusCode.DockerExportInitiated], progress.Stages);
    }

    [Fact]
    public async Task Reports_an_image_missing_from_the_Domino_registry_as_113()
    {
        var (user, project, _) = fx.NewProject("ghost-image", $"{fx.DominoRegistry.Host}/domino/ghost:1");
        var (user2, project2, _) = fx.NewProject("no-image-name", [null]);

        var missing = await ExportAsync(fx.Request(user, project));
        var unnamed = await ExportAsync(fx.Request(user2, project2));

        Assert.Equal(StatusCode.DockerImageNotFound, missing.Status);
        Assert.Contains($"{fx.DominoRegistry.Host}/domino/ghost:1 was not found in the Domino registry", missing.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(StatusCode.DockerImageNotFound), missing.ExceptionType);
        Assert.Equal(StatusCode.DockerImageNotFound, unnamed.Status);
        Assert.Contains("has no Docker image", unnamed.Message, StringComparison.Ordinal);
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Reports_a_revision_Domino_does_not_have_as_122()
    {
        var (user, project, environment) = fx.NewProject("lost-revision", $"{fx.DominoRegistry.Host}/domino/x:1");
        project.SelectEnvironment(environment.Id, 7);

        var result = await ExportAsync(fx.Request(user, project));

        Assert.Equal(StatusCode.DominoEnvironmentNotFound, result.Status);
        Assert.Equal($"Revision 7 of compute environment {environment.Id} does not exist in Domino", result.Message);
    }

    [Fact]
    public async Task Rejects_wrong_credentials_for_either_registry_with_114()
    {
        var (user, project, _) = fx.NewProject("wrong-login", await fx.Images.PublishAsync("domino/env-f", "rev1"));
        var request = fx.Request(user, project);

        var wrongDomino = await ExportAsync(
            request with { DominoRegistry = request.DominoRegistry! with { Password = "nope" } });
        var wrongTarget = await ExportAsync(
            request with { Target = request.Target with { Password = "nope" } });
        var anonymousPull = await ExportAsync(request with { DominoRegistry = null });

        Assert.Equal(StatusCode.DockerAuthenticationError, wrongDomino.Status);
        Assert.StartsWith($"The Domino registry {fx.DominoRegistry.Host} refused the credentials of user 'domino'", wrongDomino.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerAuthenticationError, wrongTarget.Status);
        Assert.StartsWith($"The target registry {fx.Target.Host} refused the credentials of user 'exporter'", wrongTarget.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nope", wrongTarget.Message + wrongTarget.ExceptionDetails, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerAuthenticationError, anonymousPull.Status);
        Assert.StartsWith($"The Domino registry refused access to {fx.DominoRegistry.Host}/domino/env-f:rev1", anonymousPull.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_an_unreachable_Docker_endpoint_as_112()
    {
        var (user, project, _) = fx.NewProject("no-engine", $"{fx.DominoRegistry.Host}/domino/x:1");
        await using var services = ImageExportFixture.CreateServices(new Uri("unix:///tmp/no-such-dir/docker.sock"));
        var port = Portal.Testbed.Containers.ServiceProcess.FreePort();
        await using var tcpServices = ImageExportFixture.CreateServices(new Uri($"tcp://127.0.0.1:{port}"));

        var result = await ExportAsync(fx.Request(user, project), services.GetRequiredService<ImageExporter>());
        var tcp = await ExportAsync(fx.Request(user, project), tcpServices.GetRequiredService<ImageExporter>());

        Assert.Equal(StatusCode.DockerNotFound, result.Status);
        Assert.StartsWith("The Docker engine at unix:///tmp/no-such-dir/docker.sock could not be reached (ping): there is no socket at /tmp/no-such-dir/docker.sock", result.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerNotFound, tcp.Status);
        Assert.Contains("Connection refused", tcp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_push_the_target_registry_refuses_as_118()
    {
        var (user, project, _) = fx.NewProject("refused", await fx.Images.PublishAsync("domino/env-g", "rev1"));

        var readOnly = await ExportAsync(fx.Request(user, project, target: new RegistryLogin(fx.ReadOnlyTarget.Host)));
        var anonymous = await ExportAsync(fx.Request(user, project, target: new RegistryLogin(fx.Target.Host)));

        Assert.Equal(StatusCode.DockerPushError, readOnly.Status);
        Assert.StartsWith($"The target registry refused the push of {fx.ReadOnlyTarget.Host}/team-a/refused:", readOnly.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerPushError, anonymous.Status);
        Assert.Contains("authentication required", anonymous.Message, StringComparison.Ordinal);
        Assert.Empty(anonymous.Images);
        Assert.Null(anonymous.NewState);
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Reports_a_failing_build_step_as_116_and_keeps_the_build_output()
    {
        var (user, project, _) = fx.NewProject("failing-run", await fx.Images.PublishAsync("domino/env-h", "rev1", withShell: true));
        var template = "FROM {DOMINO_DOCKER_IMAGE}\nRUN echo \"installing the impossible\"; exit 3\n";

        var result = await ExportAsync(fx.Request(user, project, template));

        Assert.Equal(StatusCode.DockerBuildError, result.Status);
        Assert.StartsWith("Building the image failed:", result.Message, StringComparison.Ordinal);
        Assert.Contains("exit status 3", result.Message, StringComparison.Ordinal);
        Assert.Contains("installing the impossible", result.BuildOutput);
        Assert.Contains("installing the impossible", result.ExceptionDetails, StringComparison.Ordinal);
        Assert.NotNull(result.Durations.Build);
        Assert.Empty(await fx.Images.LocalImagesAsync());
    }

    [Fact]
    public async Task Rejects_target_names_that_are_not_Docker_references_as_115()
    {
        var (user, project, _) = fx.NewProject("bad-names", $"{fx.DominoRegistry.Host}/domino/x:1");

        var spaced = await ExportAsync(fx.Request(user, project) with { GroupName = "team a" });
        var hostless = await ExportAsync(fx.Request(user, project, target: new RegistryLogin("myregistry")));

        Assert.Equal(StatusCode.DockerInvalidRepository, spaced.Status);
        Assert.Contains("is not a valid Docker reference", spaced.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerInvalidRepository, hostless.Status);
        Assert.Contains("'myregistry' is not a registry host", hostless.Message, StringComparison.Ordinal);
    }
}
