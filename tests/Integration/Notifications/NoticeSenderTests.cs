using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Notifications;
using Portal.Runs;
using Portal.Testbed.Processes;
using Portal.Tests.Integration.Runs;

namespace Portal.Tests.Integration.Notifications;

/// <summary>One try at a time, as the send job makes them: what each records, the waits between them, and the end.</summary>
public sealed class NoticeSenderTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task A_receiver_that_never_answers_gets_tries_with_doubling_waits_then_the_notice_is_recorded_as_failed()
    {
        var deliveryId = await PlannedWebhookAsync($"http://127.0.0.1:{FreePort.Next()}/hooks/nobody/");

        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 6; i++) waits.Add(await Host.WithAsync<NoticeSender, TimeSpan?>(s => s.TryAsync(deliveryId, default)));
        var afterTheEnd = await Host.WithAsync<NoticeSender, TimeSpan?>(s => s.TryAsync(deliveryId, default));

        Assert.Equal([1, 2, 4, 8, 16], waits.Take(5).Select(w => w!.Value.TotalMinutes));
        Assert.Null(waits[5]);
        Assert.Null(afterTheEnd);
        var delivery = await Host.DbAsync(db => db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId));
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Equal(6, delivery.Attempts);
        Assert.Null(delivery.NextAttemptAt);
        Assert.False(string.IsNullOrWhiteSpace(delivery.Error));
    }

    [Fact]
    public async Task A_receiver_answering_an_error_status_is_a_failed_try_with_that_status_recorded()
    {
        using var receiver = new WebhookListener(path: "/hooks/broken/");
        var deliveryId = await PlannedWebhookAsync(receiver.Url);

        var trying = Host.WithAsync<NoticeSender, TimeSpan?>(s => s.TryAsync(deliveryId, default));
        await receiver.ReceiveRequestAsync(TimeSpan.FromSeconds(30), HttpStatusCode.InternalServerError);
        var wait = await trying;

        Assert.NotNull(wait);
        var delivery = await Host.DbAsync(db => db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId));
        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Contains("500", delivery.Error);
    }

    /// <summary>A failed run of a new export whose owner has a webhook subscription, planned: the one delivery's id.</summary>
    private async Task<long> PlannedWebhookAsync(string url)
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var saved = await Host.WithAsync<SubscriptionService, SaveResult>(s => s.SubscribeAsync(scenario.User, new SubscriptionForm
        {
            Channel = NotificationChannel.Webhook, WebhookUrl = url, WebhookSecret = "sender-test-secret-123",
        }, default));
        Assert.True(saved.Succeeded);
        var run = await Host.WithAsync<RunStore, Run>(s => s.CreateAsync(scenario.ExportId, RunTrigger.Manual, null, null, default));
        await Host.DbAsync(db => db.Runs.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, StatusCode.DominoAPIError).SetProperty(r => r.EndedAt, DateTimeOffset.UtcNow)));
        return Assert.Single(await Host.WithAsync<NoticePlanner, IReadOnlyList<long>>(p => p.PlanAsync(run.Id, default)));
    }
}
