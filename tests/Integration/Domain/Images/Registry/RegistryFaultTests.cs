using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Runs;
using Portal.Domain.Images;
using Portal.Domain.Runs;
using Portal.Testbed.Registries;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images.Registry;

[Collection(RegistryCopyCollection.Name)]
public sealed class RegistryFaultTests(RegistryCopyFixture fx, ITestOutputHelper output)
{
    private Task<ImageExportResult> ExportAsync(ImageExportRequest request, ImageExporter? exporter = null, RecordingProgress? progress = null,
        CancellationToken cancellationToken = default) =>
        RegistryCopyOutput.ExportAsync(exporter ?? fx.Exporter, request, output, progress, cancellationToken);

    [Fact]
    public async Task Reports_a_source_manifest_that_does_not_exist_as_113()
    {
        await TestSources.PublishAsync(fx.DominoRegistry, "domino/exists", "rev1");
        var (user, project, _) = fx.NewProject("ghost-tag", $"{fx.DominoRegistry.Host}/domino/exists:rev9");
        var (user2, project2, _) = fx.NewProject("ghost-repo", $"{fx.DominoRegistry.Host}/domino/never-pushed:rev1");

        var tag = await ExportAsync(fx.Request(user, project));
        var repository = await ExportAsync(fx.Request(user2, project2));

        Assert.Equal(StatusCode.DockerImageNotFound, tag.Status);
        Assert.StartsWith($"The image {fx.DominoRegistry.Host}/domino/exists:rev9 was not found in the Domino registry: HTTP 404 MANIFEST_UNKNOWN",
            tag.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(StatusCode.DockerImageNotFound), tag.ExceptionType);
        Assert.Equal(StatusCode.DockerImageNotFound, repository.Status);
        Assert.StartsWith($"The image {fx.DominoRegistry.Host}/domino/never-pushed:rev1 was not found in the Domino registry: HTTP 404",
            repository.Message, StringComparison.Ordinal);
        Assert.Null(await fx.Target.FindManifestAsync("team-a/ghost-tag", "latest"));
    }

    [Fact]
    public async Task Reports_a_login_either_registry_refuses_as_114_without_showing_the_password()
    {
        var (source, _) = await TestSources.PublishAsync(fx.DominoRegistry, "domino/login", "rev1");
        var (user, project, _) = fx.NewProject("wrong-login", source.Reference);
        var request = fx.Request(user, project);

        var progress = new RecordingProgress();
        var wrongDomino = await ExportAsync(request with { DominoRegistry = request.DominoRegistry! with { Password = "nope-domino" } }, progress: progress);
        var wrongTarget = await ExportAsync(request with { Target = request.Target with { Password = "nope-target" } });
        var anonymousPull = await ExportAsync(request with { DominoRegistry = null });

        // Logins are checked before anything is read.
        Assert.Equal(StatusCode.DockerExportImagePullStarted, progress.Stages.Last());
        Assert.Equal(StatusCode.DockerAuthenticationError, wrongDomino.Status);
        Assert.StartsWith($"The Domino registry {fx.DominoRegistry.Host} refused the credentials of user 'domino'", wrongDomino.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerAuthenticationError, wrongTarget.Status);
        Assert.StartsWith($"The target registry {fx.Target.Host} refused the credentials of user 'exporter'", wrongTarget.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerAuthenticationError, anonymousPull.Status);
        Assert.StartsWith($"The Domino registry refused access to {source.Reference}: HTTP 401", anonymousPull.Message, StringComparison.Ordinal);
        foreach (var r in new[] { wrongDomino, wrongTarget, anonymousPull })
        {
            Assert.DoesNotContain("nope", r.Message + r.ExceptionDetails, StringComparison.Ordinal);
            Assert.DoesNotContain(RegistryCopyFixture.DominoPassword, r.Message + r.ExceptionDetails, StringComparison.Ordinal);
            Assert.Empty(r.Layers);
        }
    }

    [Fact]
    public async Task Reports_a_push_the_target_registry_refuses_as_118()
    {
        var (source, _) = await TestSources.PublishAsync(fx.DominoRegistry, "domino/refused", "rev1");
        var (user, project, _) = fx.NewProject("refused", source.Reference);

        var readOnly = await ExportAsync(fx.Request(user, project, target: new RegistryLogin(fx.ReadOnlyTarget.Host)));
        var anonymous = await ExportAsync(fx.Request(user, project, target: new RegistryLogin(fx.Target.Host)));

        Assert.Equal(StatusCode.DockerPushError, readOnly.Status);
        Assert.StartsWith($"The target registry refused the push of {fx.ReadOnlyTarget.Host}/team-a/refused:", readOnly.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 405", readOnly.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DockerPushError, anonymous.Status);
        Assert.Contains("HTTP 401", anonymous.Message, StringComparison.Ordinal);
        Assert.Contains("no credentials were given for this registry", anonymous.Message, StringComparison.Ordinal);
        Assert.Empty(anonymous.Images);
        Assert.Null(anonymous.NewState);
    }
}
