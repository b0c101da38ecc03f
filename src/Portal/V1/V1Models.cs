using System.Text.Json.Serialization;

namespace Portal.V1;

// The original service's JSON, field for field (docs/v1-compatibility.md). The records double as the
// OpenAPI schemas of the v1 endpoints in the portal's own document; the request records document the bodies
// V1Body reads strictly.

/// <summary>
/// What create and update answer, on success and on failure alike. <c>hint</c> is the portal's addition: what to
/// do about a refusal the original never answered this way (it is left out everywhere else, so a script comparing
/// the original's answers sees the original's four fields).
/// </summary>
public sealed record V1ExportResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("export_id")] string? ExportId,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds,
    [property: JsonPropertyName("hint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint = null);

/// <summary>What archive answers (<c>hint</c> as in <see cref="V1ExportResponse"/>).</summary>
public sealed record V1ArchiveResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("export_id")] string? ExportId,
    [property: JsonPropertyName("hint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint = null);

/// <summary>A project export's status record of one run (the original's key order; runtimes are floats, 0 when unset).</summary>
public sealed record V1ProjectStatus(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("export_id")] string ExportId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds,
    [property: JsonPropertyName("domino_username")] string? DominoUsername,
    [property: JsonPropertyName("domino_project_name")] string? DominoProjectName,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("project_export_runtime_seconds")] double ProjectExportRuntimeSeconds,
    [property: JsonPropertyName("project_export_location")] string? ProjectExportLocation,
    [property: JsonPropertyName("project_commit_id")] string? ProjectCommitId,
    [property: JsonPropertyName("project_export_status")] string? ProjectExportStatus,
    [property: JsonPropertyName("image_export_runtime_seconds")] double ImageExportRuntimeSeconds,
    [property: JsonPropertyName("image_export_location")] IReadOnlyList<string> ImageExportLocation,
    [property: JsonPropertyName("image_export_status")] string? ImageExportStatus,
    [property: JsonPropertyName("domino_image_environment_name")] string? DominoImageEnvironmentName);

/// <summary>An environment image export's status record of one run (the spec's fields; the location is the version tag).</summary>
public sealed record V1ImageStatus(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("export_id")] string ExportId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds,
    [property: JsonPropertyName("compute_environment_id")] string? ComputeEnvironmentId,
    [property: JsonPropertyName("compute_environment_revision_id")] int? ComputeEnvironmentRevisionId,
    [property: JsonPropertyName("domino_image_environment_name")] string? DominoImageEnvironmentName,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("image_export_location")] string? ImageExportLocation,
    [property: JsonPropertyName("image_export_runtime_seconds")] double ImageExportRuntimeSeconds);

public sealed record V1Version([property: JsonPropertyName("api_version")] string ApiVersion);

/// <summary>POST /v1/projects/create. <c>export_frequency_seconds</c> is this portal's addition (default 900).</summary>
public sealed record V1ProjectCreateRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("project_name")] string ProjectName,
    [property: JsonPropertyName("export_group_name")] string ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string ExportProjectName,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);

/// <summary>PUT /v1/projects/update/{export_id}: every field optional; null or empty names stay unchanged.</summary>
public sealed record V1ProjectUpdateRequest(
    [property: JsonPropertyName("update_api_key")] bool? UpdateApiKey,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("disabled")] bool? Disabled,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);

/// <summary>POST /v1/images/create: names default to "public" and "domino".</summary>
public sealed record V1ImageCreateRequest(
    [property: JsonPropertyName("compute_environment_id")] string ComputeEnvironmentId,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);

/// <summary>PUT /v1/images/update/{id}: <c>update_api_key</c> is required (the spec's rule).</summary>
public sealed record V1ImageUpdateRequest(
    [property: JsonPropertyName("update_api_key")] bool UpdateApiKey,
    [property: JsonPropertyName("export_group_name")] string? ExportGroupName,
    [property: JsonPropertyName("export_project_name")] string? ExportProjectName,
    [property: JsonPropertyName("disabled")] bool? Disabled,
    [property: JsonPropertyName("export_frequency_seconds")] int? ExportFrequencySeconds);
