using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Notifications;

/// <summary>Identity's confirmation mails, used only when SMTP is configured.</summary>
internal sealed class SmtpEmailSender(SmtpMailer mailer, ILogger<SmtpEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email", $"<p>Please confirm your Domino Export Portal account by <a href='{confirmationLink}'>clicking here</a>.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your password", $"<p>Reset your password by <a href='{resetLink}'>clicking here</a>.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your password", $"<p>Your password reset code: {resetCode}</p>");

    // A mail server that is down must not turn a created account into an error page; the user can ask for a resend.
    private async Task SendAsync(string to, string subject, string body)
    {
        try
        {
            await mailer.SendAsync(to, subject, body);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not send '{Subject}' to {Email}.", subject, to);
        }
    }
}
