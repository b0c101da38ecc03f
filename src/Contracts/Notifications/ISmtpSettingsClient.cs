using Portal.Contracts.Shared;

namespace Portal.Contracts.Notifications;

/// <summary>The admin's SMTP card (in-process on the server, <c>/api/admin/notifications/smtp</c> in WebAssembly).</summary>
public interface ISmtpSettingsClient
{
    Task<SmtpSettingsDto> GetAsync(CancellationToken cancellationToken = default);

    Task<SaveResult> SaveAsync(SmtpSettingsForm form, CancellationToken cancellationToken = default);
}
