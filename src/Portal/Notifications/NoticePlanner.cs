using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Contracts.Accounts;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Data;
using Portal.Runs;

namespace Portal.Notifications;

/// <summary>
/// Decides, once a run's end is recorded, who hears about it: one <see cref="NotificationDelivery"/> per subscription that
/// the rules (<see cref="NoticeRules"/>) say yes to. Planning twice (a redelivered job) plans nothing new.
/// </summary>
public sealed class NoticePlanner(PortalDbContext db, TimeProvider time, IOptions<NotificationOptions> options)
{
    /// <summary>The deliveries of this run not tried yet (those planned now, and any a planning cut short left behind).</summary>
    public async Task<IReadOnlyList<long>> PlanAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Include(r => r.Export).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run?.Export is not { } export || !run.Status.IsFinished()) return [];

        var earlier = await db.Runs.AsNoTracking().Where(r => r.ExportId == export.Id && r.Id < runId && r.EndedAt != null)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Status }).Take(500).ToListAsync(cancellationToken);
        var counted = earlier.Where(r => r.Status.IsFinished() && r.Status.Outcome() != RunOutcome.Cancelled).ToList();
        var previousFailed = counted.FirstOrDefault()?.Status.Outcome() == RunOutcome.Failed;
        // The failure streak this run belongs to began after the last run that succeeded.
        var streakAfter = counted.FirstOrDefault(r => r.Status.Outcome() != RunOutcome.Failed)?.Id ?? 0;

        var now = time.GetUtcNow();
        foreach (var subscription in await SubscriptionsAsync(export, cancellationToken))
        {
            if (await db.NotificationDeliveries.AnyAsync(d => d.SubscriptionId == subscription.Id && d.RunId == runId, cancellationToken)) continue;
            var lastNotice = await db.NotificationDeliveries.AsNoTracking()
                .Where(d => d.SubscriptionId == subscription.Id && d.ExportId == export.Id && d.RunId > streakAfter && d.RunId < runId
                    && (d.Kind == NoticeKind.Failure || d.Kind == NoticeKind.Reminder))
                .OrderByDescending(d => d.RunId).Select(d => (DateTimeOffset?)d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var facts = new NoticeFacts(run.Status.Outcome(), previousFailed, lastNotice);
            if (NoticeRules.Decide(subscription.When, facts, now, options.Value.RepeatAfter) is not { } kind) continue;
            db.NotificationDeliveries.Add(new NotificationDelivery
            {
                SubscriptionId = subscription.Id,
                RunId = runId,
                ExportId = export.Id,
                Kind = kind,
                Channel = subscription.Channel,
                Target = Target(subscription),
                State = DeliveryState.Pending,
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.RunId == runId && d.State == DeliveryState.Pending && d.Attempts == 0)
            .Select(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The subscriptions that cover the export, of approved accounts. Per person and destination the most specific one
    /// counts: the export's own, then "my exports", then an admin's "every export".
    /// </summary>
    private async Task<IEnumerable<NotificationSubscription>> SubscriptionsAsync(Exports.Export export, CancellationToken cancellationToken)
    {
        var adminRole = db.Roles.Where(r => r.Name == PortalRoles.Admin).Select(r => r.Id);
        var admins = db.UserRoles.Where(ur => adminRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var candidates = await db.NotificationSubscriptions.AsNoTracking().Include(s => s.User)
            .Where(s => s.User!.Status == AccountStatus.Approved)
            .Where(s => s.ExportId == export.Id
                || (s.ExportId == null && !s.AllExports && s.UserId == export.OwnerId)
                || (s.ExportId == null && s.AllExports && admins.Contains(s.UserId)))
            .ToListAsync(cancellationToken);
        return candidates
            .GroupBy(s => (s.UserId, s.Channel, Url: s.Channel == NotificationChannel.Webhook ? s.WebhookUrl : null))
            .Select(g => g.OrderBy(s => s.ExportId is not null ? 0 : s.AllExports ? 2 : 1).ThenBy(s => s.Id).First());
    }

    private static string Target(NotificationSubscription subscription) => subscription.Channel == NotificationChannel.Email
        ? subscription.User?.Email ?? "(no address)"
        : Uri.TryCreate(subscription.WebhookUrl, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : "(invalid URL)";
}
