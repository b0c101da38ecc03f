using Portal.Contracts.Exports;
using Portal.Domain.Schedules;
using Portal.Templates;

namespace Portal.Exports;

// The export's rules: every change goes through one of these, and each leaves NextRunAt right (the dashboard and
// the exports table read it; Hangfire's own schedule follows from ExportScheduleSync after the change is saved).
public sealed partial class Export
{
    /// <summary>A new, enabled export with a fresh v1 export_id; its settings come next.</summary>
    public static Export Create(ExportKind kind, string ownerId, int deploymentId, string groupName, string projectName, string schedule,
        DateTimeOffset now)
    {
        var export = new Export
        {
            ExportKey = Guid.NewGuid().ToString("N"),
            Kind = kind,
            OwnerId = ownerId,
            DominoDeploymentId = deploymentId,
            GroupName = groupName,
            ProjectName = projectName,
            Schedule = schedule,
            CreatedAt = now,
        };
        export.Touch(now);
        return export;
    }

    /// <summary>Takes a checked form (ExportValidator): names as the naming rule makes them, only the parts the kind has.</summary>
    public void Apply(ExportForm form, DateTimeOffset now)
    {
        var project = form.Kind == ExportKind.Project;
        Kind = form.Kind;
        DominoDeploymentId = form.DominoDeploymentId;
        // The original stored the owner lower-cased and the project as given.
        DominoOwnerName = project ? form.DominoOwnerName!.Trim().ToLowerInvariant() : null;
        DominoProjectName = project ? form.DominoProjectName!.Trim() : null;
        EnvironmentId = project ? null : form.EnvironmentId!.Trim();
        ExportNames.TryNormalize(form.GroupName.Trim(), out var group, out _);
        ExportNames.TryNormalize(form.ProjectName.Trim(), out var name, out _);
        GroupName = group;
        ProjectName = name;
        ExportFiles = form.CopiesFiles;
        ExportImage = form.PushesImage;
        S3DestinationId = form.CopiesFiles ? form.S3TargetId : null;
        RegistryDestinationId = form.PushesImage ? form.RegistryTargetId : null;
        TemplateId = form.PushesImage ? form.TemplateId ?? DockerfileTemplate.StandardId : null;
        Schedule = form.Schedule.Trim();
        TimeZone = string.IsNullOrWhiteSpace(form.TimeZone) ? "UTC" : form.TimeZone.Trim();
        ForceRun = form.ForceRun;
        VerifySchedule = form.CopiesFiles && !string.IsNullOrWhiteSpace(form.VerifySchedule) ? form.VerifySchedule.Trim() : null;
        BandwidthLimit = form.BandwidthLimit;
        Enabled = form.Enabled;
        IncludePatterns = PatternText(form.IncludePatterns);
        ExcludePatterns = PatternText(form.ExcludePatterns);
        MaxFileSize = form.MaxFileSize;
        Touch(now);
    }

    public void SetEnabled(bool enabled, DateTimeOffset now)
    {
        Enabled = enabled;
        Touch(now);
    }

    /// <summary>Archived exports stop, leave Hangfire, and free their names; their runs stay for the record.</summary>
    public void Archive(DateTimeOffset now)
    {
        Archived = true;
        Enabled = false;
        ArchivedAt = now;
        Touch(now);
    }

    /// <summary>
    /// An archived export back in the list, disabled: its names were free while it was archived, so its owner looks it
    /// over and enables it when ready (a restore never starts runs by itself). Where its parts left off is kept.
    /// </summary>
    public void Restore(DateTimeOffset now)
    {
        Archived = false;
        ArchivedAt = null;
        Enabled = false;
        Touch(now);
    }

    /// <summary>New names mean new places: the next run exports everything again (the original's rule).</summary>
    public void Rename(string groupName, string projectName, DateTimeOffset now)
    {
        if (groupName != GroupName || projectName != ProjectName)
        {
            GroupName = groupName;
            ProjectName = projectName;
            FilesCommitId = FilesFingerprint = null;
            ImageEnvironmentId = ImageFingerprint = null;
            ImageRevision = null;
        }
        Touch(now);
    }

    public void Reschedule(string schedule, DateTimeOffset now)
    {
        Schedule = schedule;
        Touch(now);
    }

    /// <summary>The export runs with this key instead of its owner's (v1 exports keep the caller's key, as the original kept each job's).</summary>
    public void UseOwnKey(string protectedKey, string keyHash, DateTimeOffset now)
    {
        ApiKey = protectedKey;
        ApiKeyHash = keyHash;
        Touch(now);
    }

    /// <summary>
    /// A run's end, the one way a run changes its export: where its parts left off (given only while the run still held
    /// the export; a run another took over leaves it alone), the last-run summary when it is the newest run, and the next run.
    /// </summary>
    public void RecordRun(LastRun run, ExportPosition? position, DateTimeOffset now)
    {
        if (position?.Files is { } files)
        {
            FilesCommitId = files.CommitId;
            FilesFingerprint = files.Fingerprint;
            if (files.Location is { } location) FilesLocation = location;
        }
        if (position?.Image is { } image)
        {
            ImageEnvironmentId = image.EnvironmentId;
            ImageRevision = image.Revision;
            ImageFingerprint = image.Fingerprint;
        }
        if (LastRunId is null || LastRunId <= run.Id)
        {
            LastRunId = run.Id;
            LastStatus = run.Status;
            LastRunAt = run.At;
            LastDurationSeconds = run.DurationSeconds;
            LastBytes = run.Bytes;
        }
        NextRunAt = NextRunAfter(now);
    }

    /// <summary>The Verify schedule, when the export has one and keeps a snapshot to verify, and is enabled.</summary>
    public ExportSchedule? VerifyScheduleIfActive() =>
        Enabled && !Archived && Kind == ExportKind.Project && ExportFiles && S3DestinationId is not null
        && ExportSchedule.TryParse(VerifySchedule, TimeZone, out var schedule, out _) ? schedule : null;

    /// <summary>When the schedule next fires after <paramref name="now"/>; null while disabled, archived or unschedulable.</summary>
    public DateTimeOffset? NextRunAfter(DateTimeOffset now) =>
        Enabled && !Archived && ExportSchedule.TryParse(Schedule, TimeZone, out var schedule, out _) ? schedule.NextOccurrence(now) : null;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        NextRunAt = NextRunAfter(now);
    }
}
