namespace Portal.Domain.Runs;

/// <summary>One blob of an image copy (product word: layer record): its digest, size, media type and what happened, after how many tries.</summary>
public sealed record LayerRecord(
    string Digest,
    long Size,
    string MediaType,
    LayerOutcome Outcome,
    int Attempts,
    TimeSpan Duration,
    string? Error = null);
