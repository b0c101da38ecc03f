using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Health;
using Portal.Domain.Images.Engine;
using Portal.Domain.S3;
using Portal.Exports;
using Portal.Security;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Connections;

/// <summary>
/// Admins' connections: where data comes from and goes to. Secrets go in encrypted and never come out. Names are
/// unique as stored, trimmed: "Lab " is "Lab".
/// </summary>
public sealed class ConnectionService(PortalDbContext db, ISecretProtector secrets, ConnectionChecks checks, ExportRequests requests,
    IOptions<DockerOptions> docker, TimeProvider time)
{
    public async Task<ConnectionsOverview> GetAsync(CancellationToken cancellationToken) => new(
        await db.DominoDeployments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DominoDeploymentDto(d.Id, d.Name, d.ApiUrl, d.VerifyTls, d.RegistryHost, d.RegistryUserName, d.RegistryPassword != null))
            .ToListAsync(cancellationToken),
        await db.S3Destinations.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new S3TargetDto(d.Id, d.Name, d.Bucket, d.Prefix, d.Region, d.EndpointUrl, d.AccessKeyId, d.SecretAccessKey != null, d.StorageClass))
            .ToListAsync(cancellationToken),
        await db.RegistryDestinations.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new RegistryTargetDto(d.Id, d.Name, d.Host, d.UserName, d.Password != null))
            .ToListAsync(cancellationToken),
        new DockerEngineDto(docker.Value.Endpoint.ToString(), docker.Value.ClientCertificatePath is not null),
        S3StorageClasses.Known.Order(StringComparer.Ordinal).ToList());

    public async Task<SaveResult> SaveDeploymentAsync(int? id, DominoDeploymentForm form, CancellationToken cancellationToken)
    {
        var errors = Validation.Of(form);
        if (!Uri.TryCreate(form.ApiUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            errors.Add(nameof(form.ApiUrl), "Enter the Domino API's http(s) URL, e.g. https://domino.example.com");
        var name = form.Name.Trim();
        if (await db.DominoDeployments.AnyAsync(d => d.Name == name && d.Id != id, cancellationToken))
            errors.Add(nameof(form.Name), $"A Domino deployment named \"{name}\" already exists.");
        if (errors.Count > 0) return errors.Result();

        var now = time.GetUtcNow();
        var deployment = id is { } existing
            ? await db.DominoDeployments.FindAsync([existing], cancellationToken)
            : db.DominoDeployments.Add(new DominoDeployment { Name = name, ApiUrl = form.ApiUrl, CreatedAt = now }).Entity;
        if (deployment is null) return SaveResult.Missing("This Domino deployment no longer exists.");
        deployment.Name = name;
        deployment.ApiUrl = form.ApiUrl.Trim().TrimEnd('/');
        deployment.VerifyTls = form.VerifyTls;
        deployment.RegistryHost = Blank(form.RegistryHost);
        deployment.RegistryUserName = Blank(form.RegistryUserName);
        deployment.RegistryPassword = Secret(deployment.RegistryPassword, form.RegistryPassword, form.ClearRegistryPassword,
            SecretPurposes.DominoRegistryPassword);
        deployment.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok(deployment.Id);
    }

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
        registry.Name = name;
        registry.Host = form.Host.Trim().TrimEnd('/');
        registry.UserName = Blank(form.UserName);
        registry.Password = Secret(registry.Password, form.Password, form.ClearPassword, SecretPurposes.RegistryPassword);
        registry.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok(registry.Id);
    }

    /// <summary>
    /// Deletes a connection no active export uses. Archived exports let go of their S3 target or registry
    /// (their runs keep what they recorded); a Domino deployment stays while any export, archived or not, names it.
    /// </summary>
    public async Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken)
    {
        const string inUse = "Exports use this connection: change or archive them first.";
        int deleted;
        switch (kind)
        {
            case "domino":
                if (await db.Exports.AnyAsync(e => e.DominoDeploymentId == id, cancellationToken))
                    return SaveResult.Invalid("", "Exports (archived ones too) belong to this Domino deployment: it cannot be deleted.");
                deleted = await db.DominoDeployments.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case "s3":
                if (await db.Exports.AnyAsync(e => !e.Archived && e.S3DestinationId == id, cancellationToken)) return SaveResult.Invalid("", inUse);
                await db.Exports.Where(e => e.S3DestinationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.S3DestinationId, (int?)null), cancellationToken);
                deleted = await db.S3Destinations.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case "registry":
                if (await db.Exports.AnyAsync(e => !e.Archived && e.RegistryDestinationId == id, cancellationToken)) return SaveResult.Invalid("", inUse);
                await db.Exports.Where(e => e.RegistryDestinationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.RegistryDestinationId, (int?)null), cancellationToken);
                deleted = await db.RegistryDestinations.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            default:
                return SaveResult.Invalid("", $"Unknown kind of connection \"{kind}\".");
        }
        return deleted == 1 ? SaveResult.Ok(id) : SaveResult.Missing("This connection no longer exists.");
    }

    public async Task<ConnectionTestResult?> TestAsync(string kind, int id, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConnectionCheck>? result = kind switch
        {
            "domino" when await db.DominoDeployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } d =>
                [.. await checks.DominoAsync(ExportRequests.Domino(d), null, cancellationToken),
                 .. requests.DominoRegistry(d) is { } login ? await checks.RegistryAsync(login, "Domino", cancellationToken) : []],
            "s3" when await db.S3Destinations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } s =>
                [await checks.S3Async(requests.S3(s), cancellationToken)],
            "registry" when await db.RegistryDestinations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } r =>
                await checks.RegistryAsync(requests.Registry(r), "target", cancellationToken),
            "docker" => [await checks.DockerAsync(cancellationToken)],
            _ => null,
        };
        return result is null ? null : new ConnectionTestResult(result.Select(ToDto).ToList());
    }

    public static ConnectionCheckDto ToDto(ConnectionCheck check) => new(check.Name, check.Healthy, check.Message, check.Duration.TotalMilliseconds);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An empty field keeps the stored secret; a typed one replaces it; Clear removes it.</summary>
    private string? Secret(string? stored, string? typed, bool clear, string purpose) =>
        clear ? null : string.IsNullOrEmpty(typed) ? stored : secrets.ForPurpose(purpose).Protect(typed);
}
