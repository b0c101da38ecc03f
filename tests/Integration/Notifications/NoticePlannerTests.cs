using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Notifications;
using Portal.Runs;
using Portal.Tests.Integration.Runs;

namespace Portal.Tests.Integration.Notifications;

/// <summary>Who is told about a run: the export's own subscriptions over a person's general ones, admins' every-export failures, and the checks on subscribing.</summary>
public sealed class NoticePlannerTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task An_exports_own_subscription_overrides_the_owners_general_one_and_admins_hear_every_failure()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var n = Fixture.Next();
        var admin = await Host.UserAsync($"admin{n}@example.com", admin: true);
        var general = await SubscribeAsync(scenario.User, new SubscriptionForm { When = NotifyWhen.EveryRun });
        var own = await SubscribeAsync(scenario.User, new SubscriptionForm { ExportId = scenario.ExportId, When = NotifyWhen.Failures });
        var every = await SubscribeAsync(admin, new SubscriptionForm { AllExports = true, When = NotifyWhen.Failures });

        var succeeded = await PlanAsync(scenario.ExportId, StatusCode.Completed);
        var failed = await PlanAsync(scenario.ExportId, StatusCode.DominoAPIError);
        var again = await Host.WithAsync<NoticePlanner, IReadOnlyList<long>>(p => p.PlanAsync(failed.RunId, default));

        Assert.Empty(succeeded.Deliveries);
        Assert.Equal([own, every], failed.Deliveries.Select(d => d.SubscriptionId).Order());
        Assert.All(failed.Deliveries, d => Assert.Equal(NoticeKind.Failure, d.Kind));
        Assert.Equal(failed.Deliveries.Select(d => d.Id).Order(), again.Order());
        Assert.Equal(2, await Host.DbAsync(db => db.NotificationDeliveries.CountAsync(d => d.RunId == failed.RunId)));
        Assert.DoesNotContain(general, failed.Deliveries.Select(d => d.SubscriptionId));
    }

    [Fact]
    public async Task Subscribing_to_another_persons_export_or_to_every_export_without_being_admin_is_refused_with_reasons()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var other = await Host.UserAsync($"other{Fixture.Next()}@example.com");

        var foreign = await TrySubscribeAsync(other, new SubscriptionForm { ExportId = scenario.ExportId });
        var everything = await TrySubscribeAsync(other, new SubscriptionForm { AllExports = true });
        var badHook = await TrySubscribeAsync(scenario.User, new SubscriptionForm
        {
            Channel = NotificationChannel.Webhook, WebhookUrl = "ftp://example.com/x", WebhookSecret = "short",
        });

        Assert.True(foreign.NotFound);
        Assert.NotNull(everything.ErrorFor(nameof(SubscriptionForm.AllExports)));
        Assert.NotNull(badHook.ErrorFor(nameof(SubscriptionForm.WebhookUrl)));
        Assert.NotNull(badHook.ErrorFor(nameof(SubscriptionForm.WebhookSecret)));
        Assert.Equal(0, await Host.DbAsync(db => db.NotificationSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task The_webhook_secret_is_stored_encrypted_and_never_shown_back()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        const string secret = "a-webhook-secret-never-shown";

        await SubscribeAsync(scenario.User, new SubscriptionForm
        {
            Channel = NotificationChannel.Webhook, WebhookUrl = "https://hooks.example.com/x", WebhookSecret = secret,
        });
        var overview = await Host.WithAsync<SubscriptionService, NotificationsOverview>(s => s.GetAsync(scenario.User, default));
        var stored = await Host.DbAsync(db => db.NotificationSubscriptions.AsNoTracking().SingleAsync());

        Assert.DoesNotContain(secret, System.Text.Json.JsonSerializer.Serialize(overview));
        Assert.NotNull(stored.WebhookSecret);
        Assert.DoesNotContain(secret, stored.WebhookSecret);
    }

    [Fact]
    public async Task A_run_ended_by_recovery_as_102_is_handed_to_the_notice_job_like_any_other_end()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var run = await Host.WithAsync<RunStore, Run>(s => s.CreateAsync(scenario.ExportId, RunTrigger.Manual, null, null, default));

        Assert.True(await Host.WithAsync<RunStore, bool>(s => s.MarkInterruptedAsync(run.Id, "its node stopped", default)));

        var queued = Host.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs(JobQueues.Default, 0, 100);
        Assert.Contains(queued, j => j.Value.Job.Type == typeof(NotificationJob) && j.Value.Job.Method.Name == nameof(NotificationJob.PlanAsync)
            && Equals(j.Value.Job.Args[0], run.Id));
    }

    [Fact]
    public async Task Pruning_a_run_removes_the_notices_sent_about_it()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        await SubscribeAsync(scenario.User, new SubscriptionForm { When = NotifyWhen.EveryRun });
        var old = await PlanAsync(scenario.ExportId, StatusCode.DominoAPIError);
        var recent = await PlanAsync(scenario.ExportId, StatusCode.Completed);
        await Host.DbAsync(db => db.Runs.Where(r => r.Id == old.RunId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow.AddYears(-5))));

        await Host.WithAsync<PruneJob, int>(j => j.PruneAsync(default));

        Assert.Single(old.Deliveries);
        Assert.Single(recent.Deliveries);
        Assert.False(await Host.DbAsync(db => db.NotificationDeliveries.AnyAsync(d => d.RunId == old.RunId)));
        Assert.True(await Host.DbAsync(db => db.NotificationDeliveries.AnyAsync(d => d.RunId == recent.RunId)));
    }

    private async Task<int> SubscribeAsync(Portal.Accounts.PortalUser user, SubscriptionForm form)
    {
        var saved = await TrySubscribeAsync(user, form);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
        return saved.Id!.Value;
    }

    private Task<SaveResult> TrySubscribeAsync(Portal.Accounts.PortalUser user, SubscriptionForm form) =>
        Host.WithAsync<SubscriptionService, SaveResult>(s => s.SubscribeAsync(user, form, default));

    /// <summary>A run recorded as ended with <paramref name="status"/>, and the deliveries planned for it.</summary>
    private async Task<(long RunId, List<NotificationDelivery> Deliveries)> PlanAsync(int exportId, StatusCode status)
    {
        var run = await Host.WithAsync<RunStore, Run>(s => s.CreateAsync(exportId, RunTrigger.Manual, null, null, default));
        await Host.DbAsync(db => db.Runs.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.EndedAt, DateTimeOffset.UtcNow)));
        await Host.WithAsync<NoticePlanner, IReadOnlyList<long>>(p => p.PlanAsync(run.Id, default));
        return (run.Id, await Host.DbAsync(db => db.NotificationDeliveries.AsNoTracking().Where(d => d.RunId == run.Id).ToListAsync()));
    }
}
