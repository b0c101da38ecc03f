namespace Portal.Contracts.Runs;

/// <summary>
/// The original service's status codes. The numbers and names are part of the v1 API (names are
/// reported verbatim, the "Tansfer" typo included); codes marked "new" are this product's own and
/// are documented in docs/status-codes.md.
/// </summary>
public enum StatusCode
{
    None = 0,

    // Execution errors
    ExecutionScheduleTimeout = 101,
    ExecutionNotComplete = 102,
    ExecutionRunTimeout = 103,
    ExecutionCancelled = 104, // new: a person or a shutdown cancelled the run

    // Docker errors
    DockerError = 110,
    DockerAPIError = 111,
    DockerNotFound = 112,
    DockerImageNotFound = 113,
    DockerAuthenticationError = 114, // new: a registry refused the credentials
    DockerInvalidRepository = 115,
    DockerBuildError = 116,
    DockerTemplateError = 117, // new: the Dockerfile template is unusable
    DockerPushError = 118, // new: the target registry refused the push

    // Domino errors (new: the original reported every Domino failure as 199)
    DominoAPIError = 120,
    DominoFileNotFound = 121,
    DominoEnvironmentNotFound = 122,

    // API errors (v1)
    APIMalformedJSON = 130,
    APIProjectNotFound = 131,
    APIUnauthorized = 132,
    APIExportNameConflict = 133,
    APIProjectConflict = 134,
    APIExportNotFound = 135,
    APIInvalidExportGroupName = 136,
    APIInvalidExportProjectName = 137,

    // S3 errors (new)
    S3Error = 140,
    S3BucketNotFound = 141,
    S3AccessDenied = 142,
    S3VerificationFailed = 143,

    InvalidJobRunID = 170,
    UnknownError = 199,

    // Outcomes and states
    Skipped = 200,
    Disabled = 205,
    Initializing = 210,
    Scheduled = 220,
    Completed = 290,
    Running = 300,

    // Project file export stages
    ProjectFileExportInitiated = 310,
    ProjectFileDeletePriorStarted = 311,
    ProjectFileDeletePriorEnded = 312,
    ProjectFileMoveLatestToPriorStarted = 313,
    ProjectFileMoveLatestToPriorEnded = 314,
    ProjectFileTansferToS3Started = 315,
    ProjectFileTansferToS3Ended = 316,

    // Image export stages
    DockerExportInitiated = 330,
    DockerExportImagePullStarted = 331,
    DockerExportImagePullEnded = 332,
    DockerExportImageBuildStarted = 333,
    DockerExportImageBuildEnded = 334,
    DockerExportImagePushStarted = 335,
    DockerExportImagePushEnded = 336,
}
