using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Notifications;
using Portal.Runs;
using Portal.Testbed.Processes;
using Portal.Tests.Integration.Runs;

namespace Portal.Tests.Integration.Notifications;

/// <summary>
/// Run notices end to end: real runs (Domino double, S3) processed by the portal's own Hangfire server, notices sent to a
/// real SMTP server and a real HTTP receiver on 127.0.0.1. The Domino double's commits endpoint failing makes a run fail (120).
/// </summary>
[Collection(PortalExportsCollection.Name)]
public sealed class RunNoticeTests(PortalExportsFixture fixture) : IAsyncLifetime
{
    private const string PublicUrl = "https://portal.example.com";
    private const string Secret = "webhook-secret-0123456789";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private ExportsHost _host = null!;
    private IHostedService[] _jobServer = [];

    public async Task InitializeAsync()
    {
        _host = await ExportsHost.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = PublicUrl,
            ["Notifications:RetryDelay"] = "00:00:01",
            ["Notifications:SendTimeout"] = "00:00:05",
            ["Hangfire:WorkerCount"] = "4",
        });
        _jobServer = [.. _host.Services.GetServices<IHostedService>().Where(s => s.GetType().Namespace?.StartsWith("Hangfire", StringComparison.Ordinal) == true)];
        Assert.NotEmpty(_jobServer);
        foreach (var service in _jobServer) await service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        fixture.Domino.Faults.Clear();
        foreach (var service in _jobServer) await service.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_export_notifies_once_across_three_failed_runs_then_once_on_recovery_by_mail_and_signed_webhook()
    {
        await using var smtp = new SmtpSink();
        using var webhook = new WebhookListener(path: "/hooks/runs/");
        await SaveSmtpAsync(smtp.Port);
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        await SubscribeAsync(scenario, new SubscriptionForm { When = NotifyWhen.FailuresAndRecovery, Channel = NotificationChannel.Email });
        await SubscribeAsync(scenario, new SubscriptionForm
        {
            ExportId = scenario.ExportId,
            When = NotifyWhen.FailuresAndRecovery,
            Channel = NotificationChannel.Webhook,
            WebhookUrl = webhook.Url,
            WebhookFormat = WebhookFormat.Json,
            WebhookSecret = Secret,
        });
        fixture.Domino.Faults.Fail($"/v4/projects/{scenario.Project.Id}/commits", times: 1000, status: 500);

        var failed = new List<Run>();
        for (var i = 0; i < 3; i++) failed.Add(await RunToEndAsync(scenario));
        var failureMail = await smtp.ReceiveAsync(Wait);
        var failureHook = await webhook.ReceiveRequestAsync(Wait);
        fixture.Domino.Faults.Clear();
        var recovered = await RunToEndAsync(scenario);
        var recoveryMail = await smtp.ReceiveAsync(Wait);
        var recoveryHook = await webhook.ReceiveRequestAsync(Wait);
        await JobsIdleAsync();

        Assert.All(failed, r => Assert.Equal(StatusCode.DominoAPIError, r.Status));
        Assert.Equal(StatusCode.Completed, recovered.Status);
        // Exactly one message per channel for the streak, one for the recovery, and nothing else arrived.
        await Assert.ThrowsAnyAsync<TimeoutException>(() => smtp.ReceiveAsync(TimeSpan.FromSeconds(2)));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => webhook.ReceiveRequestAsync(TimeSpan.FromSeconds(2)));

        Assert.Equal(scenario.User.Email, failureMail.To.Mailboxes.Single().Address);
        Assert.Equal("portal@example.com", failureMail.From.Mailboxes.Single().Address);
        Assert.Contains($"{scenario.Group}/{scenario.Name} failed (run #1, 120 DominoAPIError)", failureMail.Subject);
        Assert.Contains(WebUtility.HtmlEncode(StatusCode.DominoAPIError.Describe()), failureMail.HtmlBody);
        Assert.Contains(WebUtility.HtmlEncode(failed[0].Message!), failureMail.HtmlBody);
        Assert.Contains($"{PublicUrl}/runs/{failed[0].Id}", failureMail.HtmlBody);
        Assert.Contains($"{scenario.Group}/{scenario.Name} recovered (run #4, {(int)StatusCode.Completed} Completed)", recoveryMail.Subject);
        Assert.Contains($"{PublicUrl}/runs/{recovered.Id}", recoveryMail.HtmlBody);

        foreach (var (hook, run, name) in new[] { (failureHook, failed[0], "run.failed"), (recoveryHook, recovered, "run.recovered") })
        {
            Assert.Equal("POST", hook.Method);
            Assert.StartsWith("application/json", hook.ContentType);
            Assert.True(WebhookSignature.Verify(Secret, hook.Body, hook.Headers[WebhookSignature.Header]), "the body's signature verifies with the secret");
            Assert.False(WebhookSignature.Verify("another-secret-0123456789", hook.Body, hook.Headers[WebhookSignature.Header]));
            Assert.Equal(name, hook.Headers[WebhookSender.EventHeader]);
            var body = hook.Json();
            Assert.Equal(name, body.GetProperty("event").GetString());
            Assert.Equal(run.Id, body.GetProperty("run").GetProperty("id").GetInt64());
            Assert.Equal((int)run.Status, body.GetProperty("run").GetProperty("status").GetInt32());
            Assert.Equal($"{PublicUrl}/runs/{run.Id}", body.GetProperty("run").GetProperty("url").GetString());
        }
        Assert.Equal(failed[0].Message, failureHook.Json().GetProperty("run").GetProperty("error").GetString());

        // Every delivery is recorded, and the subscriber sees them.
        var overview = await _host.WithAsync<SubscriptionService, NotificationsOverview>(s => s.GetAsync(scenario.User, default));
        Assert.Equal(4, overview.Deliveries.Count);
        Assert.All(overview.Deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal([NoticeKind.Failure, NoticeKind.Failure, NoticeKind.Recovery, NoticeKind.Recovery],
            overview.Deliveries.OrderBy(d => d.RunId).Select(d => d.Kind));
        Assert.Equal([failed[0].Id, failed[0].Id, recovered.Id, recovered.Id], overview.Deliveries.OrderBy(d => d.RunId).Select(d => d.RunId));
    }

    [Fact]
    public async Task A_webhook_receiver_that_is_down_is_retried_and_the_run_still_ends_on_time()
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}/hooks/down/";
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false);
        await SubscribeAsync(scenario, new SubscriptionForm
        {
            When = NotifyWhen.EveryRun,
            Channel = NotificationChannel.Webhook,
            WebhookUrl = url,
            WebhookFormat = WebhookFormat.Slack,
            WebhookSecret = Secret,
        });

        var run = await RunToEndAsync(scenario);
        var firstTry = await Poll.ForAsync(() => DeliveryAsync(run.Id, d => d.Attempts >= 1), "the first try of the notice");

        // The run ended (completed) before anything was sent, and the failed try is recorded with the next one due.
        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.True(firstTry.CreatedAt >= run.EndedAt, $"planned at {firstTry.CreatedAt:O}, after the run ended at {run.EndedAt:O}");
        Assert.Equal(DeliveryState.Pending, firstTry.State);
        Assert.NotNull(firstTry.Error);
        Assert.NotNull(firstTry.NextAttemptAt);

        using var receiver = new WebhookListener(port, "/hooks/down/");
        var request = await receiver.ReceiveRequestAsync(Wait);
        var sent = await Poll.ForAsync(() => DeliveryAsync(run.Id, d => d.State == DeliveryState.Sent), "the notice recorded as sent", Wait);

        Assert.True(sent.Attempts >= 2, $"sent on try {sent.Attempts}");
        Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Headers[WebhookSignature.Header]));
        Assert.Contains($"{scenario.Group}/{scenario.Name} finished", request.Json().GetProperty("text").GetString());
        Assert.Equal(sent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers[WebhookSender.DeliveryHeader]);
    }

    private async Task SaveSmtpAsync(int port)
    {
        var saved = await _host.WithAsync<SmtpSettingsStore, SaveResult>(s => s.SaveAsync(new SmtpSettingsForm
        {
            Host = "127.0.0.1", Port = port, UseTls = false, From = "portal@example.com",
        }, default));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
    }

    private async Task SubscribeAsync(RunScenario scenario, SubscriptionForm form)
    {
        var saved = await _host.WithAsync<SubscriptionService, SaveResult>(s => s.SubscribeAsync(scenario.User, form, default));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>"Run now", and the portal's Hangfire server runs it; the run as recorded at its end.</summary>
    private async Task<Run> RunToEndAsync(RunScenario scenario)
    {
        var runId = await scenario.QueueRunAsync();
        return await Poll.ForAsync(async () => await _host.RunRecordAsync(runId) is { } run && run.Status.IsFinished() ? run : null,
            $"run {runId} to end", Wait);
    }

    private Task<NotificationDelivery?> DeliveryAsync(long runId, Func<NotificationDelivery, bool> condition) =>
        _host.DbAsync(async db => (await db.NotificationDeliveries.AsNoTracking().Where(d => d.RunId == runId).ToListAsync()).FirstOrDefault(condition));

    private Task JobsIdleAsync() => Poll.UntilAsync(() =>
    {
        var monitor = _host.Get<JobStorage>().GetMonitoringApi();
        return monitor.EnqueuedCount(JobQueues.Default) == 0 && monitor.ProcessingCount() == 0;
    }, "Hangfire's queue to empty", Wait);
}
