using Microsoft.Extensions.Options;

namespace Portal.Notifications;

public sealed class NotificationWorker(
    NotificationQueue queue,
    SignupWebhook webhook,
    SmtpMailer mailer,
    IOptions<NotificationOptions> options,
    IOptions<PortalOptions> portal,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var accountEvent in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await DeliverAsync(accountEvent, stoppingToken);
        }
    }

    internal async Task DeliverAsync(AccountEvent accountEvent, CancellationToken cancellationToken)
    {
        try
        {
            switch (accountEvent.Kind)
            {
                case AccountEventKind.SignedUp when !string.IsNullOrWhiteSpace(options.Value.SignupWebhookUrl):
                    await webhook.PostAsync(options.Value.SignupWebhookUrl, SignupWebhook.MessageFor(accountEvent.Email, PublicUrl), cancellationToken);
                    break;
                case AccountEventKind.Approved when options.Value.Smtp.IsConfigured:
                    await mailer.SendAsync(accountEvent.Email, ApprovalMail.Subject, ApprovalMail.Body(PublicUrl), cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The {Kind} notification for {Email} failed; the account change stands.", accountEvent.Kind, accountEvent.Email);
        }
    }

    private string? PublicUrl => portal.Value.PublicUrl;
}
