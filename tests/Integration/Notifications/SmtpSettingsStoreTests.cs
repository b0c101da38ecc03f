using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;
using Portal.Notifications;
using Portal.Tests.Integration.Runs;

namespace Portal.Tests.Integration.Notifications;

/// <summary>The admins' SMTP server for run notices: the password write-only and encrypted at rest.</summary>
public sealed class SmtpSettingsStoreTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task The_smtp_password_is_stored_encrypted_and_never_read_back()
    {
        var saved = await Host.WithAsync<SmtpSettingsStore, SaveResult>(s => s.SaveAsync(new SmtpSettingsForm
        {
            Host = "smtp.example.com", Port = 2525, UserName = "mailer", Password = "smtp-password-plain", From = "portal@example.com",
        }, default));
        Assert.True(saved.Succeeded);

        var shown = await Host.WithAsync<SmtpSettingsStore, SmtpSettingsDto>(s => s.GetAsync(default));
        var stored = await Host.DbAsync(db => db.PortalSettings.AsNoTracking().ToListAsync());
        var effective = await Host.WithAsync<SmtpSettingsStore, Portal.Notifications.SmtpOptions>(s => s.EffectiveAsync(default));

        Assert.True(shown.HasPassword);
        Assert.DoesNotContain("smtp-password-plain", System.Text.Json.JsonSerializer.Serialize(shown));
        Assert.DoesNotContain(stored, s => s.Value?.Contains("smtp-password-plain", StringComparison.Ordinal) == true);
        Assert.Equal("smtp-password-plain", effective.Password);

        // An empty password keeps the stored one; an invalid form changes nothing and says why.
        Assert.True((await Host.WithAsync<SmtpSettingsStore, SaveResult>(s => s.SaveAsync(new SmtpSettingsForm
        {
            Host = "smtp.example.com", Port = 25, From = "portal@example.com",
        }, default))).Succeeded);
        Assert.Equal("smtp-password-plain", (await Host.WithAsync<SmtpSettingsStore, Portal.Notifications.SmtpOptions>(s => s.EffectiveAsync(default))).Password);
        var invalid = await Host.WithAsync<SmtpSettingsStore, SaveResult>(s => s.SaveAsync(new SmtpSettingsForm { Host = "smtp.example.com", From = "not an address" }, default));
        Assert.NotNull(invalid.ErrorFor(nameof(SmtpSettingsForm.From)));
    }
}
