namespace Portal.Contracts.Profile;

public sealed record SaveKeyResult(bool Succeeded, string Message, string? DominoUserName);

public sealed record SaveKeyRequest(string ApiKey);
