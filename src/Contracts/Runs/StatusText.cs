using Portal.Contracts.Exports;

namespace Portal.Contracts.Runs;

/// <summary>What a status code says in words: its original name (the v1 API's) and a sentence for people.</summary>
public static class StatusText
{
    /// <summary>The original's name for a code, as the v1 API reports it.</summary>
    public static string Name(this StatusCode code) =>
        Enum.IsDefined(code) ? code.ToString() : ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A sentence a person understands, used when a run records no message of its own.</summary>
    public static string Describe(this StatusCode code) => code switch
    {
        StatusCode.ExecutionScheduleTimeout => "The export was already running, so this run did not start",
        StatusCode.ExecutionNotComplete => "The run was interrupted before it finished (the process running it stopped)",
        StatusCode.ExecutionRunTimeout => "The run took longer than the configured timeout and was stopped",
        StatusCode.ExecutionCancelled => "The run was cancelled",
        StatusCode.DockerError or StatusCode.DockerAPIError => "The Docker engine reported an error",
        StatusCode.DockerNotFound => "The Docker engine could not be reached",
        StatusCode.DockerImageNotFound => "The compute environment's image was not found in the Domino registry",
        StatusCode.DockerAuthenticationError => "A registry refused the credentials",
        StatusCode.DockerInvalidRepository => "The target image name is not a valid Docker reference",
        StatusCode.DockerBuildError => "Building the image from the Dockerfile template failed",
        StatusCode.DockerTemplateError => "The Dockerfile template must start with the FROM {DOMINO_DOCKER_IMAGE} line",
        StatusCode.DockerPushError => "The target registry refused the push",
        StatusCode.DominoAPIError => "The Domino API failed to answer",
        StatusCode.DominoFileNotFound => "A file disappeared from the Domino project during the export",
        StatusCode.DominoEnvironmentNotFound => "The compute environment or its revision does not exist in Domino",
        StatusCode.APIMalformedJSON => "The input supplied is invalid: malformed JSON",
        StatusCode.APIProjectNotFound => "The input supplied is invalid: specified Domino Project does not exist",
        StatusCode.APIUnauthorized => "Specified Domino API key does not have permission to the specified Domino Project",
        StatusCode.APIExportNameConflict => "Specified Export Group Name and Project Name are already being exported as part of another export job",
        StatusCode.APIProjectConflict => "Specified Domino Username and Project are already being exported as part of another export job",
        StatusCode.APIExportNotFound => "Specified Export ID does not exist",
        StatusCode.APIInvalidExportGroupName => ExportNames.InvalidGroupNameMessage,
        StatusCode.APIInvalidExportProjectName => ExportNames.InvalidProjectNameMessage,
        StatusCode.S3Error => "The S3 target reported an error",
        StatusCode.S3BucketNotFound => "The S3 bucket does not exist",
        StatusCode.S3AccessDenied => "The S3 target refused the credentials",
        StatusCode.S3VerificationFailed => "A file stored in S3 does not match its source",
        StatusCode.InvalidJobRunID => "Invalid job run ID",
        StatusCode.UnknownError => "An unexpected error has occurred",
        StatusCode.Skipped => "Nothing changed since the last export",
        StatusCode.Disabled => "The export is disabled",
        StatusCode.Completed => "Completed",
        _ => code.Name(),
    };

    /// <summary>A run's stage as people say it; the code stays beside it on the run page for those who look codes up.</summary>
    public static string Stage(this StatusCode code) => code switch
    {
        StatusCode.Initializing => "Preparing",
        StatusCode.Scheduled => "Queued",
        StatusCode.Running => "Started",
        StatusCode.ProjectFileExportInitiated => "Files: export started",
        StatusCode.ProjectFileDeletePriorStarted => "Files: removing the older snapshot (prior/)",
        StatusCode.ProjectFileDeletePriorEnded => "Files: older snapshot removed",
        StatusCode.ProjectFileMoveLatestToPriorStarted => "Files: keeping the last snapshot as prior/",
        StatusCode.ProjectFileMoveLatestToPriorEnded => "Files: last snapshot kept as prior/",
        StatusCode.ProjectFileTansferToS3Started => "Files: copying to S3",
        StatusCode.ProjectFileTansferToS3Ended => "Files: copied to S3",
        StatusCode.DockerExportInitiated => "Image: export started",
        StatusCode.DockerExportImagePullStarted => "Image: reading from Domino's registry",
        StatusCode.DockerExportImagePullEnded => "Image: read from Domino's registry",
        StatusCode.DockerExportImageBuildStarted => "Image: applying the template",
        StatusCode.DockerExportImageBuildEnded => "Image: template applied",
        StatusCode.DockerExportImagePushStarted => "Image: pushing to the registry",
        StatusCode.DockerExportImagePushEnded => "Image: pushed",
        StatusCode.Skipped => "Nothing changed: skipped",
        _ => code.Describe(),
    };
}
