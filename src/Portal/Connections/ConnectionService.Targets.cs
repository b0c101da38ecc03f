using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.S3;
using Portal.Security;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Connections;

// Where exports go: S3 targets and registries.
public sealed partial class ConnectionService
{
    public async Task<SaveResult> SaveS3TargetAsync(int? id, S3TargetForm form, CancellationToken cancellationToken)
    {
        var errors = Validation.Of(form);
        if (!string.IsNullOrWhiteSpace(form.EndpointUrl)
            && (!Uri.TryCreate(form.EndpointUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            errors.Add(nameof(form.EndpointUrl), "Enter the S3-compatible store's http(s) URL, or leave it empty for AWS.");
        if (!S3StorageClasses.Known.Contains(form.StorageClass))
            errors.Add(nameof(form.StorageClass), $"Choose one of: {string.Join(", ", S3StorageClasses.Known.Order(StringComparer.Ordinal))}.");
        if (string.IsNullOrWhiteSpace(form.AccessKeyId) != string.IsNullOrWhiteSpace(form.SecretAccessKey)
            && !(id is not null && !string.IsNullOrWhiteSpace(form.AccessKeyId) && string.IsNullOrEmpty(form.SecretAccessKey) && !form.ClearSecretAccessKey))
            errors.Add(nameof(form.SecretAccessKey), "Give both an access key id and a secret, or neither (to use the default AWS credential chain).");
        var name = form.Name.Trim();
        if (await db.S3Destinations.AnyAsync(d => d.Name == name && d.Id != id, cancellationToken))
            errors.Add(nameof(form.Name), $"An S3 target named \"{name}\" already exists.");
        if (errors.Count > 0) return errors.Result();

        var now = time.GetUtcNow();
        var target = id is { } existing
            ? await db.S3Destinations.FindAsync([existing], cancellationToken)
            : db.S3Destinations.Add(new S3Destination { Name = name, Bucket = form.Bucket, CreatedAt = now }).Entity;
        if (target is null) return SaveResult.Missing("This S3 target no longer exists.");
        var before = id is null ? null : Snapshot(target);
        target.Name = name;
        target.Bucket = form.Bucket.Trim();
        target.Prefix = Blank(form.Prefix?.Trim('/'));
        target.Region = form.Region.Trim();
        target.EndpointUrl = Blank(form.EndpointUrl);
        target.AccessKeyId = Blank(form.AccessKeyId);
        target.SecretAccessKey = target.AccessKeyId is null
            ? null
            : Secret(target.SecretAccessKey, form.SecretAccessKey, form.ClearSecretAccessKey, SecretPurposes.S3SecretAccessKey);
        target.StorageClass = form.StorageClass;
        target.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(id, AuditObject.Connection("s3", target.Id, target.Name), before, Snapshot(target), cancellationToken);
        return SaveResult.Ok(target.Id);
    }

    public async Task<SaveResult> SaveRegistryAsync(int? id, RegistryTargetForm form, CancellationToken cancellationToken)
    {
        var errors = Validation.Of(form);
        if (form.Host.Contains("://", StringComparison.Ordinal) || form.Host.Contains(' ', StringComparison.Ordinal))
            errors.Add(nameof(form.Host), "Enter the registry as host[:port][/namespace], without a scheme, e.g. registry.example.com/team");
        var name = form.Name.Trim();
        if (await db.RegistryDestinations.AnyAsync(d => d.Name == name && d.Id != id, cancellationToken))
            errors.Add(nameof(form.Name), $"A registry target named \"{name}\" already exists.");
        if (errors.Count > 0) return errors.Result();

        var now = time.GetUtcNow();
        var registry = id is { } existing
            ? await db.RegistryDestinations.FindAsync([existing], cancellationToken)
            : db.RegistryDestinations.Add(new RegistryDestination { Name = name, Host = form.Host, CreatedAt = now }).Entity;
        if (registry is null) return SaveResult.Missing("This registry target no longer exists.");
        var before = id is null ? null : Snapshot(registry);
        registry.Name = name;
        registry.Host = form.Host.Trim().TrimEnd('/');
        registry.UserName = Blank(form.UserName);
        registry.Password = Secret(registry.Password, form.Password, form.ClearPassword, SecretPurposes.RegistryPassword);
        registry.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(id, AuditObject.Connection("registry", registry.Id, registry.Name), before, Snapshot(registry), cancellationToken);
        return SaveResult.Ok(registry.Id);
    }
}
