namespace Portal.Domain.Runs;

/// <summary>One pushed image tag of a run.</summary>
public sealed record ImageRecord(string Reference, string? Digest, long? Size);
