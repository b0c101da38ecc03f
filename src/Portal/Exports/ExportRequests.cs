using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Connections;
using Portal.Data;
using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.Images;
using Portal.Domain.Runs;
using Portal.Domain.S3;
using Portal.Runs;
using Portal.Security;
using Portal.Templates;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Exports;

/// <summary>Turns a stored export and its connections into the Domain's requests, decrypting what it needs.</summary>
public sealed class ExportRequests(PortalDbContext db, ISecretProtector secrets)
{
    /// <summary>The export with everything a run reads.</summary>
    public Task<Export?> LoadAsync(int exportId, CancellationToken cancellationToken) =>
        db.Exports
            .Include(e => e.DominoDeployment)
            .Include(e => e.S3Destination)
            .Include(e => e.RegistryDestination)
            .Include(e => e.Template)
            .AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken);

    /// <summary>
    /// The plan for run <paramref name="runId"/> (<see cref="RunPlan"/>): the export as stored now, the requests for the
    /// parts it has, forced when the export or this run says so, with the key decrypted only when a part needs it.
    /// A run that resumes a failed one (<paramref name="resumes"/>) has the files part alone, pinned to that run's commit.
    /// </summary>
    public async Task<RunPlan> PlanAsync(int exportId, long runId, RunKind kind, RunTrigger trigger, bool force,
        CancellationToken cancellationToken, long? resumes = null)
    {
        var export = await LoadAsync(exportId, cancellationToken)
            ?? throw new ExportException(StatusCode.UnknownError, "The export was deleted");
        // A disabled export's schedule is gone; a tick already queued records 205. "Run now" is a person's choice and runs.
        if (!export.Enabled && trigger == RunTrigger.Schedule) return new RunPlan(export) { Disabled = true };
        var id = runId.ToString(CultureInfo.InvariantCulture);
        var writesFiles = export.Kind == ExportKind.Project && export.ExportFiles && export.S3Destination is not null;
        if (kind == RunKind.Verify)
        {
            // Verify reads S3 only: no key.
            var target = writesFiles ? Files(export, "", id) : null;
            return new RunPlan(export)
            {
                IsVerify = true,
                Check = target is null ? null : new SnapshotCheckRequest(target.Target, target.ExportGroupName, target.ExportProjectName),
            };
        }
        if (resumes is { } failedRunId)
        {
            var commit = await db.Runs.Where(r => r.Id == failedRunId).Select(r => r.CommitId).SingleOrDefaultAsync(cancellationToken);
            if (!writesFiles || commit is null)
                throw new ExportException(StatusCode.UnknownError, "The run to resume has no files part to complete any more: use Run now");
            // Forced: the skip rule must not stop it, and what the failed run left behind is checked file by file.
            return new RunPlan(export) { Files = Files(export, await OwnerKeyAsync(export, cancellationToken), id) with { Force = true, CommitId = commit } };
        }
        var pushesImage = (export.Kind == ExportKind.Environment || export.ExportImage) && export.RegistryDestination is not null;
        var apiKey = writesFiles || pushesImage ? await OwnerKeyAsync(export, cancellationToken) : "";
        force |= export.ForceRun;
        return new RunPlan(export)
        {
            Files = writesFiles ? Files(export, apiKey, id) with { Force = force } : null,
            Image = pushesImage ? Image(export, apiKey) with { Force = force } : null,
        };
    }

    /// <summary>
    /// The Domino API key a run uses: the export's own key when it has one (v1 exports, as the original kept
    /// each job's key with the job), otherwise its owner's key for the export's deployment.
    /// </summary>
    public async Task<string> OwnerKeyAsync(Export export, CancellationToken cancellationToken)
    {
        if (export.ApiKey is { Length: > 0 } own)
            return secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(own);
        var stored = await db.DominoApiKeys.AsNoTracking()
            .Where(k => k.UserId == export.OwnerId && k.DominoDeploymentId == export.DominoDeploymentId)
            .Select(k => k.ProtectedKey)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
            throw new ExportException(StatusCode.APIUnauthorized,
                $"The export's owner has no Domino API key for {export.DominoDeployment?.Name}: store one on the profile page");
        return secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(stored);
    }

    public static DominoConnection Domino(DominoDeployment deployment) => new(new Uri(deployment.ApiUrl), deployment.VerifyTls);

    public FileExportRequest Files(Export export, string apiKey, string runId) => new(
        Domino(export.DominoDeployment!),
        apiKey,
        export.DominoOwnerName!,
        export.DominoProjectName!,
        S3(export.S3Destination!),
        export.GroupName,
        export.ProjectName,
        export.FilesCommitId is null && export.FilesFingerprint is null ? null : new FileExportState(export.FilesCommitId, export.FilesFingerprint),
        export.ForceRun,
        runId);

    public ImageExportRequest Image(Export export, string apiKey) => new(
        Domino(export.DominoDeployment!),
        apiKey,
        export.Kind == ExportKind.Environment
            ? new ImageSource.Environment(export.EnvironmentId!)
            : new ImageSource.Project(export.DominoOwnerName!, export.DominoProjectName!),
        DominoRegistry(export.DominoDeployment!),
        Registry(export.RegistryDestination!),
        export.GroupName,
        export.ProjectName,
        export.Template?.Content ?? DockerfileTemplate.StandardContent,
        export.ImageEnvironmentId is { } environmentId && export.ImageRevision is { } revision && export.ImageFingerprint is { } fingerprint
            ? new ImageExportState(environmentId, revision, fingerprint)
            : null,
        export.ForceRun);

    public S3Target S3(S3Destination destination) => new(
        destination.Bucket,
        destination.Prefix,
        destination.Region,
        string.IsNullOrWhiteSpace(destination.EndpointUrl) ? null : new Uri(destination.EndpointUrl),
        destination is { AccessKeyId: { Length: > 0 } accessKey, SecretAccessKey: { Length: > 0 } secret }
            ? new S3Credentials(accessKey, secrets.ForPurpose(SecretPurposes.S3SecretAccessKey).Unprotect(secret))
            : null,
        destination.StorageClass);

    public RegistryLogin Registry(RegistryDestination destination) => new(
        destination.Host,
        destination.UserName,
        destination.Password is { Length: > 0 } password ? secrets.ForPurpose(SecretPurposes.RegistryPassword).Unprotect(password) : null);

    public RegistryLogin? DominoRegistry(DominoDeployment deployment) => deployment.RegistryHost is { Length: > 0 } host
        ? new RegistryLogin(host, deployment.RegistryUserName,
            deployment.RegistryPassword is { Length: > 0 } password
                ? secrets.ForPurpose(SecretPurposes.DominoRegistryPassword).Unprotect(password)
                : null)
        : null;
}
