using System.Net.Http.Json;
using Portal.Client.Shared;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Client.Notifications;

public sealed class HttpSmtpSettingsClient(HttpClient http) : ISmtpSettingsClient
{
    private const string Base = "api/admin/notifications/smtp";

    public async Task<SmtpSettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<SmtpSettingsDto>(Base, cancellationToken);

    public async Task<SaveResult> SaveAsync(SmtpSettingsForm form, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(Base, form, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }
}
