using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Runs;

namespace Portal.Tests.Integration.Runs;

/// <summary>Verify as a run of its own kind: queued like "Run now", recorded with its findings, changing nothing.</summary>
public sealed class VerifyRunTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    private async Task<Run> VerifyAsync(RunScenario scenario)
    {
        var started = await Host.WithAsync<ExportActions, RunStarted>(s => s.VerifyNowAsync(scenario.User, scenario.ExportId, RunTrigger.Api, default));
        Assert.True(started.Succeeded, started.Message);
        await Host.RunAsync(started.RunId!.Value);
        return await Host.RunRecordAsync(started.RunId.Value);
    }

    [Fact]
    public async Task A_verify_run_finds_an_object_overwritten_behind_the_portals_back_and_changes_nothing()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var exported = await scenario.RunNowAsync();
        Assert.Equal(StatusCode.Completed, exported.Status);

        var intact = await VerifyAsync(scenario);

        Assert.True(intact.Status == StatusCode.Completed, intact.Message);
        Assert.Equal(RunKind.Verify, intact.Kind);
        Assert.All(intact.Files, f => Assert.Equal(FileOutcome.Verified, f.Outcome));
        Assert.Equal(scenario.Project.Head!.Files.Count, intact.Files.Count);

        // Overwritten behind the portal's back, keeping its size.
        var key = scenario.S3Prefix + "latest/README.md";
        var size = scenario.Project.Head.Files["README.md"].Content.Length;
        await Fixture.S3.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = PortalExportsFixture.Bucket, Key = key, ContentBody = new string('x', (int)size),
        });
        var before = await Host.ExportRecordAsync(scenario.ExportId);

        var tampered = await VerifyAsync(scenario);

        Assert.Equal(StatusCode.S3VerificationFailed, tampered.Status);
        Assert.Contains("0 missing, 1 changed, 0 extra", tampered.Message);
        var changed = Assert.Single(tampered.Files, f => f.Outcome != FileOutcome.Verified);
        Assert.Equal(("README.md", FileOutcome.Changed), (changed.Path, changed.Outcome));
        Assert.Equal(1, tampered.FilesFailed);
        var after = await Host.ExportRecordAsync(scenario.ExportId);
        Assert.Equal(before.FilesCommitId, after.FilesCommitId); // the skip rule's state is the export runs' alone
        Assert.Equal(before.FilesFingerprint, after.FilesFingerprint);
        Assert.Equal(exported.Number + 2, tampered.Number);
    }

    [Fact]
    public async Task An_export_without_files_has_nothing_to_verify()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, files: false);

        var started = await Host.WithAsync<ExportActions, RunStarted>(s => s.VerifyNowAsync(scenario.User, scenario.ExportId, RunTrigger.Api, default));

        Assert.False(started.Succeeded);
        Assert.Contains("no snapshot to verify", started.Message);
        Assert.Equal(0, await Host.DbAsync(db => db.Runs.CountAsync(r => r.ExportId == scenario.ExportId)));
    }
}
