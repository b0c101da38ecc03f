using Microsoft.EntityFrameworkCore;
using Portal.Runs;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.Runs;

public sealed class RunRecoveryTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task At_start_up_the_runs_this_node_left_running_become_102_and_free_their_export()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var runId = await LeaveRunningAsync(scenario, node: "test-node", heartbeat: DateTimeOffset.UtcNow);

        var recovered = await Host.WithAsync<RunRecovery, int>(r => r.RecoverThisNodeAsync(default));

        Assert.Equal(1, recovered);
        var run = await Host.RunRecordAsync(runId);
        Assert.Equal(StatusCode.ExecutionNotComplete, run.Status);
        Assert.Contains("restarted", run.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.ExecutionNotComplete, run.FilesStatus);
        Assert.NotNull(run.EndedAt);
        var export = await Host.ExportRecordAsync(scenario.ExportId);
        Assert.Null(export.ActiveRunId);
        Assert.Equal(StatusCode.ExecutionNotComplete, export.LastStatus);

        var next = await scenario.RunNowAsync();
        Assert.Equal(StatusCode.Completed, next.Status);
    }

    [Fact]
    public async Task Another_nodes_run_is_left_alone_while_its_heartbeat_is_fresh_and_taken_over_when_it_goes_quiet()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var runId = await LeaveRunningAsync(scenario, node: "other-node", heartbeat: DateTimeOffset.UtcNow);

        Assert.Equal(0, await Host.WithAsync<RunRecovery, int>(r => r.RecoverThisNodeAsync(default)));
        Assert.Equal(StatusCode.ProjectFileTansferToS3Started, (await Host.RunRecordAsync(runId)).Status);

        await Host.DbAsync(db => db.Runs.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, DateTimeOffset.UtcNow.AddMinutes(-5))));
        Assert.Equal(1, await Host.WithAsync<RunRecovery, int>(r => r.RecoverStaleAsync(default)));

        var run = await Host.RunRecordAsync(runId);
        Assert.Equal(StatusCode.ExecutionNotComplete, run.Status);
        Assert.Contains("heartbeats", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_run_takes_over_an_export_whose_running_run_went_quiet()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var stale = await LeaveRunningAsync(scenario, node: "dead-node", heartbeat: DateTimeOffset.UtcNow.AddMinutes(-10));

        var next = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.Completed, next.Status);
        Assert.Equal(StatusCode.ExecutionNotComplete, (await Host.RunRecordAsync(stale)).Status);
    }

    [Fact]
    public async Task A_queued_run_whose_job_was_lost_becomes_102()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var runId = await scenario.QueueRunAsync();
        await Host.DbAsync(db => db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.JobId, "no-such-job")
            .SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Equal(1, await Host.WithAsync<RunRecovery, int>(r => r.RecoverStaleAsync(default)));
        Assert.Equal(StatusCode.ExecutionNotComplete, (await Host.RunRecordAsync(runId)).Status);
    }

    /// <summary>A run as a node that died mid-transfer leaves it: running, holding its export.</summary>
    private async Task<long> LeaveRunningAsync(RunScenario scenario, string node, DateTimeOffset heartbeat)
    {
        var runId = await scenario.QueueRunAsync();
        await Host.DbAsync(async db =>
        {
            await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, StatusCode.ProjectFileTansferToS3Started)
                .SetProperty(r => r.FilesStatus, StatusCode.ProjectFileTansferToS3Started)
                .SetProperty(r => r.Node, node)
                .SetProperty(r => r.StartedAt, heartbeat)
                .SetProperty(r => r.HeartbeatAt, heartbeat));
            return await db.Exports.Where(e => e.Id == scenario.ExportId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActiveRunId, runId));
        });
        return runId;
    }
}
