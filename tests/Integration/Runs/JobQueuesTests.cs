using Hangfire;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;
using Portal.Exports;
using Portal.Runs;
using Portal.Templates;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// Runs that need a Docker build go to the "builds" queue (taken by nodes with an engine); registry copies and file
/// exports to "default", which nodes without a Docker socket take. Both "Run now" and the schedule follow the template.
/// </summary>
public sealed class JobQueuesTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_template_that_needs_a_build_sends_its_runs_to_the_builds_queue_and_a_copy_stays_on_default()
    {
        var copy = await RunScenario.CreateAsync(Fixture, Host);
        var build = await RunScenario.CreateAsync(Fixture, Host);
        var template = await Host.WithAsync<TemplateService, SaveResult>(t => t.SaveAsync(null,
            new TemplateForm { Name = "Builds", Content = "FROM {DOMINO_DOCKER_IMAGE}\nRUN echo built > /built\n" }, default));
        await UseTemplateAsync(build, template.Id!.Value);

        var copyRun = await copy.QueueRunAsync();
        var buildRun = await build.QueueRunAsync();

        Assert.Equal(JobQueues.Default, await QueueOfRunAsync(copyRun));
        Assert.Equal(JobQueues.Builds, await QueueOfRunAsync(buildRun));
        var recurring = (await Host.RecurringJobsAsync()).ToDictionary(j => j.Id);
        Assert.Equal(JobQueues.Default, QueueOf(recurring[ExportScheduleSync.JobId(copy.ExportId)]));
        Assert.Equal(JobQueues.Builds, QueueOf(recurring[ExportScheduleSync.JobId(build.ExportId)]));

        // Editing the template into a metadata-only one moves the schedule back to the default queue.
        await Host.WithAsync<TemplateService, SaveResult>(t => t.SaveAsync(template.Id, new TemplateForm { Name = "Builds", Content = "FROM {DOMINO_DOCKER_IMAGE}\nLABEL built=no\n" }, default));
        recurring = (await Host.RecurringJobsAsync()).ToDictionary(j => j.Id);
        Assert.Equal(JobQueues.Default, QueueOf(recurring[ExportScheduleSync.JobId(build.ExportId)]));
    }

    /// <summary>Points the export at the template, then brings its schedule in step, as saving it in the editor does.</summary>
    private async Task UseTemplateAsync(RunScenario scenario, int templateId)
    {
        await Host.DbAsync(async db =>
        {
            var export = await db.Exports.FindAsync(scenario.ExportId);
            export!.TemplateId = templateId;
            return await db.SaveChangesAsync();
        });
        var saved = await Host.ExportRecordAsync(scenario.ExportId);
        await Host.WithAsync<ExportScheduleSync, int>(s =>
        {
            s.Apply(saved);
            return Task.FromResult(0);
        });
    }

    private static string QueueOf(Hangfire.Storage.RecurringJobDto job) => job.Job?.Queue ?? job.Queue ?? JobQueues.Default;

    private async Task<string?> QueueOfRunAsync(long runId)
    {
        var run = await Host.RunRecordAsync(runId);
        using var connection = Host.Get<JobStorage>().GetConnection();
        // Hangfire 1.8 keeps a job's own queue on the job (its Enqueued state may still say "default"); the job's wins.
        return connection.GetJobData(run.JobId!)?.Job?.Queue ?? connection.GetStateData(run.JobId!).Data["Queue"];
    }
}
