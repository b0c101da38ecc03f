namespace Portal.Contracts.Runs;

public sealed record RunFileDto(long Id, string Path, long Size, string? Sha256, string Outcome, int Attempts, string? Error);
