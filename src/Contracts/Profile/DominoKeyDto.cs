namespace Portal.Contracts.Profile;

/// <summary>A user's Domino API key for one deployment: whether one is stored and who Domino said it belongs to.</summary>
public sealed record DominoKeyDto(int DeploymentId, string DeploymentName, bool HasKey, string? DominoUserName, DateTimeOffset? VerifiedAt);
