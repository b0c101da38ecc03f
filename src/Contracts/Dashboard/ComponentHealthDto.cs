namespace Portal.Contracts.Dashboard;

/// <summary>
/// A component's last recorded check (Domino, DominoRegistry, S3, Registry, Docker); <see cref="CheckedAt"/> is null
/// for a connection the recurring check has not reached yet.
/// </summary>
public sealed record ComponentHealthDto(string Component, int TargetId, string Name, bool Healthy, string? Message, DateTimeOffset? CheckedAt);
