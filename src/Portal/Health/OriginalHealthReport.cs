using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Portal.Health;

/// <summary>
/// The original's <c>/health</c> answer (docs/v1-compatibility.md, "/health"): its fields, plus the timestamp under the
/// spec's name as well, with the same value. Every flag is a boolean, never null.
/// </summary>
public sealed record OriginalHealthReport(
    [property: JsonPropertyName("overall_healthy")] bool OverallHealthy,
    [property: JsonPropertyName("api_version")] string ApiVersion,
    [property: JsonPropertyName("health_check_timestamp")] string HealthCheckTimestamp,
    [property: JsonPropertyName("domino_platform_connection_healthy")] bool DominoPlatformConnectionHealthy,
    [property: JsonPropertyName("domino_registry_connection_healthy")] bool DominoRegistryConnectionHealthy,
    [property: JsonPropertyName("s3_connection_healthy")] bool S3ConnectionHealthy,
    [property: JsonPropertyName("external_registry_connection_healthy")] bool ExternalRegistryConnectionHealthy,
    [property: JsonPropertyName("last_successful_backup_job_timestamp")] string? LastSuccessfulBackupJobTimestamp,
    [property: JsonPropertyName("last_successful_export_job_timestamp")] string? LastSuccessfulExportJobTimestamp);
