using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeSmtpSettingsClient : ISmtpSettingsClient
{
    public SmtpSettingsDto Current { get; set; } = new(null, 587, null, false, null, true);
    public List<SmtpSettingsForm> Saved { get; } = [];

    public Task<SmtpSettingsDto> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current);

    public Task<SaveResult> SaveAsync(SmtpSettingsForm form, CancellationToken cancellationToken = default)
    {
        Saved.Add(form);
        Current = new SmtpSettingsDto(form.Host, form.Port, form.UserName, !form.ClearPassword && (Current.HasPassword || !string.IsNullOrEmpty(form.Password)),
            form.From, form.UseTls);
        return Task.FromResult(SaveResult.Ok(0));
    }
}
