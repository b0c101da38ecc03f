using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Notifications;

/// <summary>Sends one HTML mail through the configured SMTP server (<c>Notifications:Smtp</c>).</summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default) =>
        SendAsync(options.Value.Smtp, to, subject, htmlBody, Timeout, cancellationToken);

    /// <summary>Through the given server (the one an admin set for run notices, or the configured one).</summary>
    public static async Task SendAsync(SmtpOptions smtp, string to, string subject, string htmlBody, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is set (Notifications:Smtp:Host, or an admin's SMTP settings).");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("html") { Text = htmlBody };

        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var security = smtp.UseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
