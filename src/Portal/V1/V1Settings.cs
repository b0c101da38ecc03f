using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Templates;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.V1;

/// <summary>
/// The v1 API's defaults, stored as <see cref="PortalSetting"/>s so admins change them at run time
/// (<c>/api/admin/v1-settings</c>). Nothing is guessed: an unset deployment or target makes the v1 API say
/// which setting the admin must choose.
/// </summary>
public sealed class V1Settings(PortalDbContext db, AuditLog audit)
{
    public const string DominoDeploymentKey = "V1DominoDeploymentId";
    public const string S3TargetKey = "V1S3TargetId";
    public const string RegistryTargetKey = "V1RegistryTargetId";
    public const string TemplateKey = "V1TemplateId";
    public const string ServiceAccountKey = PortalSetting.V1ServiceAccountId;

    private static readonly string[] Keys = [DominoDeploymentKey, S3TargetKey, RegistryTargetKey, TemplateKey, ServiceAccountKey];

    public async Task<V1Defaults> GetDefaultsAsync(CancellationToken cancellationToken)
    {
        var form = await GetFormAsync(cancellationToken);
        return new V1Defaults(form.DominoDeploymentId, form.S3TargetId, form.RegistryTargetId,
            form.TemplateId ?? DockerfileTemplate.StandardId, form.ServiceAccountId);
    }

    public async Task<V1SettingsDto> GetAsync(CancellationToken cancellationToken) => new(
        await GetFormAsync(cancellationToken),
        await db.DominoDeployments.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.S3Destinations.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.RegistryDestinations.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(cancellationToken),
        await db.DockerfileTemplates.AsNoTracking().OrderByDescending(t => t.IsStandard).ThenBy(t => t.Name)
            .Select(t => new Option(t.Id, t.Name)).ToListAsync(cancellationToken),
        await db.Users.AsNoTracking().Where(u => u.Status == AccountStatus.Approved).OrderBy(u => u.Email)
            .Select(u => new AccountOption(u.Id, u.Email ?? u.UserName ?? u.Id)).ToListAsync(cancellationToken));

    public async Task<SaveResult> SaveAsync(V1SettingsForm form, CancellationToken cancellationToken)
    {
        var errors = new Validation();
        if (form.DominoDeploymentId is { } d && !await db.DominoDeployments.AnyAsync(x => x.Id == d, cancellationToken))
            errors.Add(nameof(form.DominoDeploymentId), "This Domino deployment no longer exists.");
        if (form.S3TargetId is { } s && !await db.S3Destinations.AnyAsync(x => x.Id == s, cancellationToken))
            errors.Add(nameof(form.S3TargetId), "This S3 target no longer exists.");
        if (form.RegistryTargetId is { } r && !await db.RegistryDestinations.AnyAsync(x => x.Id == r, cancellationToken))
            errors.Add(nameof(form.RegistryTargetId), "This registry no longer exists.");
        if (form.TemplateId is { } t && !await db.DockerfileTemplates.AnyAsync(x => x.Id == t, cancellationToken))
            errors.Add(nameof(form.TemplateId), "This template no longer exists.");
        var account = string.IsNullOrWhiteSpace(form.ServiceAccountId) ? null : form.ServiceAccountId.Trim();
        if (account is not null && !await db.Users.AnyAsync(u => u.Id == account && u.Status == AccountStatus.Approved, cancellationToken))
            errors.Add(nameof(form.ServiceAccountId), "Choose an approved account as the v1 service account.");
        if (errors.Count > 0) return errors.Result();

        var before = AuditSnapshot.Of(await GetFormAsync(cancellationToken));
        var stored = await db.PortalSettings.Where(x => Keys.Contains(x.Key)).ToDictionaryAsync(x => x.Key, cancellationToken);
        Set(stored, DominoDeploymentKey, Text(form.DominoDeploymentId));
        Set(stored, S3TargetKey, Text(form.S3TargetId));
        Set(stored, RegistryTargetKey, Text(form.RegistryTargetId));
        Set(stored, TemplateKey, Text(form.TemplateId));
        Set(stored, ServiceAccountKey, account);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.V1SettingsUpdate, AuditObject.V1Settings,
            AuditChanges.Between(before, AuditSnapshot.Of(await GetFormAsync(cancellationToken))), cancellationToken);
        return SaveResult.Ok(0);
    }

    private async Task<V1SettingsForm> GetFormAsync(CancellationToken cancellationToken)
    {
        var values = await db.PortalSettings.AsNoTracking().Where(x => Keys.Contains(x.Key)).ToDictionaryAsync(x => x.Key, x => x.Value, cancellationToken);
        return new V1SettingsForm
        {
            DominoDeploymentId = Number(values, DominoDeploymentKey),
            S3TargetId = Number(values, S3TargetKey),
            RegistryTargetId = Number(values, RegistryTargetKey),
            TemplateId = Number(values, TemplateKey),
            ServiceAccountId = values.GetValueOrDefault(ServiceAccountKey) is { Length: > 0 } id ? id : null,
        };
    }

    private void Set(Dictionary<string, PortalSetting> stored, string key, string? value)
    {
        if (stored.TryGetValue(key, out var setting))
        {
            if (value is null) db.PortalSettings.Remove(setting);
            else setting.Value = value;
        }
        else if (value is not null)
        {
            db.PortalSettings.Add(new PortalSetting { Key = key, Value = value });
        }
    }

    private static int? Number(Dictionary<string, string?> values, string key) =>
        int.TryParse(values.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
