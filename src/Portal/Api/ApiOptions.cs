using System.ComponentModel.DataAnnotations;

namespace Portal.Api;

/// <summary>The REST APIs: token attempts and the v1 compatibility API (configuration section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Failed bearer-token attempts one client (IP address) may make per <see cref="FailedTokenWindow"/> before it gets 429.</summary>
    [Range(1, 10_000)]
    public int FailedTokenLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailedTokenWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed Domino API keys one client address may send to /v1 per <see cref="FailedTokenWindow"/> before it gets 429.</summary>
    [Range(1, 10_000)]
    public int FailedV1KeyLimit { get; set; } = 10;

    /// <summary>How long a Domino API key Domino refused is refused without asking Domino again (v1 API).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefusedKeyMemory { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a Domino API key Domino accepted is taken as valid without asking again (v1 API).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DominoKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The original's API_STATUS_LOG_MAX_RECORDS: runs in a v1 status history.</summary>
    [Range(1, 1000)]
    public int V1StatusHistoryRecords { get; set; } = 10;
}
