using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Runs;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Runs;

/// <summary>"Resume" on a failed run: the snapshot of its commit is completed, and only what it left missing moves.</summary>
public sealed class ResumeRunTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_resumed_run_moves_only_the_missing_and_failed_files_and_completes_the_failed_runs_commit()
    {
        var files = Enumerable.Range(1, 12).Select(i => new TestFile($"data/part {i:00}.bin", TestContent.Generated(40_000 + i, seed: i)))
            .Append(new TestFile("flaky.csv", TestContent.Generated(90_000, seed: 99))).ToList();
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false, content: files);
        var commit = scenario.Project.Head!;
        var flaky = commit.Files["flaky.csv"].Content.Key;
        Fixture.Domino.Faults.Fail("/blobs/" + flaky, times: 100, status: 502);
        Run failed;
        try
        {
            failed = await scenario.RunNowAsync();
        }
        finally
        {
            Fixture.Domino.Faults.Clear();
        }
        Assert.Equal(StatusCode.DominoAPIError, failed.FilesStatus);
        Assert.Equal(commit.Id, failed.CommitId);
        var moved = failed.Files.Where(f => f.Outcome == FileOutcome.Transferred).Select(f => commit.Files[f.Path].Content.Key).ToHashSet();
        Assert.NotEmpty(moved);
        Assert.Equal(FileOutcome.Failed, Assert.Single(failed.Files, f => f.Path == "flaky.csv").Outcome);
        Assert.True((await RunDetailsAsync(scenario, failed.Id)).CanResume);
        // The project moves on meanwhile: the resume still completes the commit the failed run started.
        scenario.Project.Commit(new TestFile("README.md", TestContent.FromText("a later commit")));
        var requestsBefore = Fixture.Domino.Requests.Count;

        var resumed = await ResumeAsync(scenario, failed.Id);

        Assert.True(resumed.Status == StatusCode.Completed, resumed.Message);
        Assert.Equal((failed.Id, commit.Id, (StatusCode?)null), (resumed.ResumesRunId, resumed.CommitId, resumed.ImageStatus));
        var downloaded = Fixture.Domino.Requests.Skip(requestsBefore).Where(r => r.RawTarget.Contains("/blobs/", StringComparison.Ordinal))
            .Select(r => r.RawTarget[(r.RawTarget.LastIndexOf('/') + 1)..]).ToHashSet();
        Assert.Contains(flaky, downloaded);
        Assert.Empty(downloaded.Intersect(moved)); // nothing the failed run delivered moves again
        Assert.Equal(commit.Files.Count, resumed.Files.Count(f => f.Outcome is FileOutcome.Transferred or FileOutcome.Unchanged));

        // The snapshot is the failed run's commit, whole: its manifest lists every file, and every object matches it.
        var manifest = SnapshotManifest.TryParse(await ReadAsync($"{scenario.S3Prefix}latest.manifest.json"))!;
        Assert.Equal(commit.Id, manifest.CommitId);
        Assert.Equal(commit.Files.Values.Select(f => (f.Path, f.Content.Length, f.Content.Sha256())).Order(),
            manifest.Files.Select(f => (f.Path, f.Size, f.Sha256)).Order());
        var verify = await Host.WithAsync<ExportActions, RunStarted>(s => s.VerifyNowAsync(scenario.User, scenario.ExportId, RunTrigger.Api, default));
        await Host.RunAsync(verify.RunId!.Value);
        var verified = await Host.RunRecordAsync(verify.RunId.Value);
        Assert.True(verified.Status == StatusCode.Completed, verified.Message);
        Assert.Equal(commit.Id, (await Host.ExportRecordAsync(scenario.ExportId)).FilesCommitId);

        // Only the newest export run can be resumed: the failed one is done with, and the completed one has nothing to resume.
        var again = await Host.WithAsync<ExportActions, RunStarted>(s => s.ResumeAsync(scenario.User, failed.Id, RunTrigger.Api, default));
        Assert.False(again.Succeeded);
        Assert.Contains($"Run #{resumed.Number} came after it", again.Message, StringComparison.Ordinal);
        var completed = await Host.WithAsync<ExportActions, RunStarted>(s => s.ResumeAsync(scenario.User, resumed.Id, RunTrigger.Api, default));
        Assert.Equal((false, "Only a run whose files failed can be resumed."), (completed.Succeeded, completed.Message));
        Assert.False((await RunDetailsAsync(scenario, failed.Id)).CanResume);

        // The next run exports the later commit.
        var next = await scenario.RunNowAsync();
        Assert.Equal((StatusCode.Completed, scenario.Project.Head!.Id), (next.Status, next.CommitId));
    }

    [Fact]
    public async Task Another_users_run_cannot_be_resumed_and_reads_as_missing()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        Fixture.Domino.Faults.Fail($"/v4/projects/{scenario.Project.Id}/commits/", times: 40, status: 500);
        Run failed;
        try
        {
            failed = await scenario.RunNowAsync();
        }
        finally
        {
            Fixture.Domino.Faults.Clear();
        }
        var stranger = await Host.UserAsync($"stranger{Fixture.Next()}@example.com");

        var refused = await Host.WithAsync<ExportActions, RunStarted>(s => s.ResumeAsync(stranger, failed.Id, RunTrigger.Api, default));

        Assert.True(refused.NotFound);
        Assert.Equal(1, await Host.DbAsync(db => db.Runs.CountAsync(r => r.ExportId == scenario.ExportId)));
    }

    private async Task<Run> ResumeAsync(RunScenario scenario, long failedRunId)
    {
        var started = await Host.WithAsync<ExportActions, RunStarted>(s => s.ResumeAsync(scenario.User, failedRunId, RunTrigger.Api, default));
        Assert.True(started.Succeeded, started.Message);
        await Host.RunAsync(started.RunId!.Value);
        return await Host.RunRecordAsync(started.RunId.Value);
    }

    private Task<RunDetails> RunDetailsAsync(RunScenario scenario, long runId) =>
        Host.WithAsync<RunService, RunDetails>(async s => (await s.GetAsync(scenario.User, runId, default))!);

    private async Task<string> ReadAsync(string key)
    {
        using var response = await Fixture.S3.Client.GetObjectAsync(new GetObjectRequest { BucketName = PortalExportsFixture.Bucket, Key = key });
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
