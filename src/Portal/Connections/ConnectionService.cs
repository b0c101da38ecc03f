using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
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
public sealed partial class ConnectionService(PortalDbContext db, ISecretProtector secrets, ConnectionChecks checks, ExportRequests requests,
    IOptions<DockerOptions> docker, AuditLog audit, TimeProvider time)
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
        var before = id is null ? null : Snapshot(deployment);
        deployment.Name = name;
        deployment.ApiUrl = form.ApiUrl.Trim().TrimEnd('/');
        deployment.VerifyTls = form.VerifyTls;
        deployment.RegistryHost = Blank(form.RegistryHost);
        deployment.RegistryUserName = Blank(form.RegistryUserName);
        deployment.RegistryPassword = Secret(deployment.RegistryPassword, form.RegistryPassword, form.ClearRegistryPassword,
            SecretPurposes.DominoRegistryPassword);
        deployment.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(id, AuditObject.Connection("domino", deployment.Id, deployment.Name), before, Snapshot(deployment), cancellationToken);
        return SaveResult.Ok(deployment.Id);
    }

    // The stored (encrypted) secrets are compared only to say "secret changed"; their values never reach the log.
    private static AuditSnapshot Snapshot(DominoDeployment d) => AuditSnapshot.Of(d, [nameof(d.RegistryPassword)]);
    private static AuditSnapshot Snapshot(S3Destination d) => AuditSnapshot.Of(d, [nameof(d.SecretAccessKey)]);
    private static AuditSnapshot Snapshot(RegistryDestination d) => AuditSnapshot.Of(d, [nameof(d.Password)]);

    private Task RecordAsync(int? id, AuditObject target, AuditSnapshot? before, AuditSnapshot after, CancellationToken cancellationToken) =>
        audit.RecordAsync(id is null ? AuditActions.ConnectionCreate : AuditActions.ConnectionUpdate, target,
            AuditChanges.Between(before, after), cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An empty field keeps the stored secret; a typed one replaces it; Clear removes it.</summary>
    private string? Secret(string? stored, string? typed, bool clear, string purpose) =>
        clear ? null : string.IsNullOrEmpty(typed) ? stored : secrets.ForPurpose(purpose).Protect(typed);
}
