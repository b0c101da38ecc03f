using Portal.Contracts.Connections;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Connections;
using Portal.Domain.Images.Templates;
using Portal.Domain.Runs;
using Portal.Runs;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// The image part of a portal run taking the daemonless path (the default template only names the image): each
/// blob recorded with what happened to it, and the registry's refusals recorded with their codes and clear messages.
/// </summary>
public sealed class ImageRunTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task An_image_run_copies_registry_to_registry_and_records_every_layer_once()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, files: false);

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.Completed, run.ImageStatus);
        Assert.Equal(ImageExportPath.Registry, run.ImagePath);
        var manifest = (await Fixture.Target.GetManifestAsync($"{scenario.Group}/{scenario.Name}", "latest")).Json;
        var blobs = manifest.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!)
            .Append(manifest.GetProperty("config").GetProperty("digest").GetString()!).Order(StringComparer.Ordinal).ToList();
        // Saved live and again from the run's result at its end: each blob once.
        Assert.Equal(blobs, run.Layers.Select(l => l.Digest).Order(StringComparer.Ordinal));
        Assert.All(run.Layers, l => Assert.Equal(LayerOutcome.Copied, l.Outcome));
        Assert.Equal(run.Layers.Sum(l => l.Size), run.ImageBytesDone);

        // The run's API record (and the run page) carry the same.
        var details = await Host.WithAsync<RunService, RunDetails?>(s => s.GetAsync(scenario.User, run.Id, default));
        Assert.Equal("Registry", details!.ImagePath);
        Assert.Equal(blobs.Count, details.Layers.Count);
        Assert.All(details.Layers, l => Assert.True(l.Size > 0 && l.Attempts >= 1, $"{l.Digest}: {l.Size} bytes after {l.Attempts} tries"));

        // A forced re-export finds every blob at the target and moves none.
        await Host.DbAsync(async db =>
        {
            var export = await db.Exports.FindAsync(scenario.ExportId);
            export!.ImageFingerprint = null;
            return await db.SaveChangesAsync();
        });
        var again = await scenario.RunNowAsync();
        Assert.Equal(StatusCode.Completed, again.ImageStatus);
        Assert.Equal(blobs.Count, again.Layers.Count);
        Assert.All(again.Layers, l => Assert.Equal(LayerOutcome.Present, l.Outcome));
        Assert.Equal(0, again.ImageBytesDone);
    }

    [Fact]
    public async Task A_refused_registry_login_fails_the_run_with_114_and_says_so()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, files: false);
        var registry = (await Host.WithAsync<ConnectionService, ConnectionsOverview>(s => s.GetAsync(default))).Registries.Single();
        var saved = await Host.WithAsync<ConnectionService, SaveResult>(s => s.SaveRegistryAsync(registry.Id, new RegistryTargetForm
        {
            Name = registry.Name,
            Host = Fixture.Target.Host,
            UserName = PortalExportsFixture.TargetUser,
            Password = "not-the-password",
        }, default));
        Assert.True(saved.Succeeded);

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.DockerAuthenticationError, run.Status);
        Assert.Equal(StatusCode.DockerAuthenticationError, run.ImageStatus);
        Assert.Contains(Fixture.Target.Host, run.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", run.Message + run.ExceptionDetails, StringComparison.Ordinal);
        Assert.Empty(run.Images);
    }

    [Fact]
    public async Task A_revision_whose_image_is_not_in_the_Domino_registry_fails_the_run_with_113()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, files: false);
        scenario.Environment.AddRevision($"{Fixture.DominoRegistry.Host}/environments/never-pushed:v2");
        scenario.Project.SelectEnvironment(scenario.Environment.Id, 2);

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.DockerImageNotFound, run.Status);
        Assert.Contains("never-pushed", run.Message, StringComparison.Ordinal);
        Assert.Equal(ImageExportPath.Registry, run.ImagePath);
        Assert.Empty(run.Images);
        Assert.Empty(run.Layers);
    }
}
