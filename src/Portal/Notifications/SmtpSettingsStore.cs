using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Contracts.Notifications;
using Portal.Contracts.Shared;
using Portal.Data;
using Portal.Security;

namespace Portal.Notifications;

/// <summary>
/// The SMTP server run notices go through, as an admin sets it at run time (stored as <see cref="PortalSetting"/>s,
/// the password encrypted and never read back out). Unset: the configured <c>Notifications:Smtp</c> server.
/// </summary>
public sealed class SmtpSettingsStore(PortalDbContext db, ISecretProtector protector, IOptions<NotificationOptions> options)
{
    private const string HostKey = "Smtp.Host", PortKey = "Smtp.Port", UserKey = "Smtp.UserName", PasswordKey = "Smtp.Password",
        FromKey = "Smtp.From", TlsKey = "Smtp.UseTls";

    private static readonly string[] Keys = [HostKey, PortKey, UserKey, PasswordKey, FromKey, TlsKey];

    private ISecretProtector Passwords => protector.ForPurpose(SecretPurposes.SmtpPassword);

    public async Task<SmtpSettingsDto> GetAsync(CancellationToken cancellationToken)
    {
        var v = await ValuesAsync(cancellationToken);
        return new SmtpSettingsDto(v.GetValueOrDefault(HostKey), Port(v), v.GetValueOrDefault(UserKey), v.ContainsKey(PasswordKey),
            v.GetValueOrDefault(FromKey), v.GetValueOrDefault(TlsKey) != "false");
    }

    /// <summary>The server to send through: the admin's, else the configured one (which may be unset).</summary>
    public async Task<SmtpOptions> EffectiveAsync(CancellationToken cancellationToken)
    {
        var v = await ValuesAsync(cancellationToken);
        if (v.GetValueOrDefault(HostKey) is not { Length: > 0 } host) return options.Value.Smtp;
        return new SmtpOptions
        {
            Host = host,
            Port = Port(v),
            UserName = v.GetValueOrDefault(UserKey),
            Password = v.GetValueOrDefault(PasswordKey) is { } secret ? Passwords.Unprotect(secret) : null,
            From = v.GetValueOrDefault(FromKey) ?? options.Value.Smtp.From,
            UseTls = v.GetValueOrDefault(TlsKey) != "false",
        };
    }

    public async Task<SaveResult> SaveAsync(SmtpSettingsForm form, CancellationToken cancellationToken)
    {
        var errors = Validation.Of(form);
        var host = Trimmed(form.Host);
        var from = Trimmed(form.From);
        if (host is not null && Uri.CheckHostName(host) == UriHostNameType.Unknown) errors.Add(nameof(form.Host), "Enter a host name or an IP address.");
        // MimeKit takes a bare local part ("nobody") as an address; a server would not.
        if (host is not null && (from is null || !MimeKit.MailboxAddress.TryParse(from, out var sender) || !sender.Address.Contains('@')))
            errors.Add(nameof(form.From), "Enter the address mails come from.");
        if (errors.Count > 0) return errors.Result();

        var stored = await db.PortalSettings.Where(x => Keys.Contains(x.Key)).ToDictionaryAsync(x => x.Key, cancellationToken);
        db.SetSetting(stored, HostKey, host);
        db.SetSetting(stored, PortKey, host is null ? null : form.Port.ToString(CultureInfo.InvariantCulture));
        db.SetSetting(stored, UserKey, host is null ? null : Trimmed(form.UserName));
        db.SetSetting(stored, FromKey, host is null ? null : from);
        db.SetSetting(stored, TlsKey, host is null ? null : form.UseTls ? "true" : "false");
        if (host is null || form.ClearPassword) db.SetSetting(stored, PasswordKey, null);
        else if (!string.IsNullOrEmpty(form.Password)) db.SetSetting(stored, PasswordKey, Passwords.Protect(form.Password));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok(0);
    }

    private Task<Dictionary<string, string?>> ValuesAsync(CancellationToken cancellationToken) =>
        db.PortalSettings.AsNoTracking().Where(x => Keys.Contains(x.Key)).ToDictionaryAsync(x => x.Key, x => x.Value, cancellationToken);

    private static int Port(Dictionary<string, string?> values) =>
        int.TryParse(values.GetValueOrDefault(PortKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : 587;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
