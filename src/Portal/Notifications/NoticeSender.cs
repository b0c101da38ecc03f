using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Contracts.Notifications;
using Portal.Data;
using Portal.Security;

namespace Portal.Notifications;

/// <summary>
/// One try of one delivery, recorded: sent, or the error and when the next try is due (null: no more tries; it failed).
/// Secrets stay out of what is recorded and logged: an error is the exception's message, never the request.
/// </summary>
public sealed partial class NoticeSender(PortalDbContext db, SmtpSettingsStore smtp, WebhookSender webhooks, ISecretProtector protector,
    TimeProvider time, IOptions<NotificationOptions> options, IOptions<PortalOptions> portal, ILogger<NoticeSender> logger)
{
    /// <summary>The wait before the next try, or null when the delivery is done (sent, failed for good, or gone).</summary>
    public async Task<TimeSpan?> TryAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.NotificationDeliveries.Include(d => d.Subscription).ThenInclude(s => s!.User)
            .SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery?.Subscription is not { } subscription || delivery.State != DeliveryState.Pending) return null;
        var run = await db.Runs.AsNoTracking().Include(r => r.Export).SingleOrDefaultAsync(r => r.Id == delivery.RunId, cancellationToken);

        delivery.Attempts++;
        TimeSpan? retry = null;
        try
        {
            if (run?.Export is null) throw new InvalidOperationException($"Run {delivery.RunId} no longer exists.");
            var notice = Notice.For(delivery.Id, delivery.Kind, run.Export, run, portal.Value.PublicUrl);
            await SendAsync(subscription, notice, cancellationToken);
            (delivery.State, delivery.SentAt, delivery.NextAttemptAt) = (DeliveryState.Sent, time.GetUtcNow(), null);
            LogSent(logger, delivery.Id, delivery.Kind, delivery.RunId, delivery.Target, delivery.Attempts);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = e.GetBaseException().Message;
            delivery.Error = error.Length <= 2000 ? error : error[..2000];
            var settings = options.Value;
            retry = delivery.Attempts < settings.MaxAttempts && run?.Export is not null
                ? settings.RetryDelay * Math.Pow(2, delivery.Attempts - 1)
                : null;
            delivery.State = retry is null ? DeliveryState.Failed : DeliveryState.Pending;
            delivery.NextAttemptAt = retry is { } wait ? time.GetUtcNow() + wait : null;
            LogFailed(logger, delivery.Id, delivery.Kind, delivery.RunId, delivery.Target, delivery.Attempts, error, delivery.NextAttemptAt);
        }
        // The outcome is saved whatever happens to the caller's token: a sent message must not be sent again.
        await db.SaveChangesAsync(CancellationToken.None);
        return retry;
    }

    private async Task SendAsync(NotificationSubscription subscription, Notice notice, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        if (subscription.Channel == NotificationChannel.Email)
        {
            var to = subscription.User?.Email ?? throw new InvalidOperationException("The subscriber's account has no email address.");
            var server = await smtp.EffectiveAsync(cancellationToken);
            await SmtpMailer.SendAsync(server, to, notice.Title, NoticeMail.Html(notice), options.Value.SendTimeout, timeout.Token);
            return;
        }
        var secret = subscription.WebhookSecret is { } stored ? protector.ForPurpose(SecretPurposes.WebhookSecret).Unprotect(stored)
            : throw new InvalidOperationException("The webhook has no secret.");
        await webhooks.PostAsync(subscription.WebhookUrl!, subscription.WebhookFormat, secret, notice, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Kind} notice {DeliveryId} about run {RunId} to {Target} (try {Attempt})")]
    private static partial void LogSent(ILogger logger, long deliveryId, NoticeKind kind, long runId, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not send the {Kind} notice {DeliveryId} about run {RunId} to {Target} (try {Attempt}): {Error}; next try at {NextAttempt}")]
    private static partial void LogFailed(ILogger logger, long deliveryId, NoticeKind kind, long runId, string target, int attempt, string error,
        DateTimeOffset? nextAttempt);
}
