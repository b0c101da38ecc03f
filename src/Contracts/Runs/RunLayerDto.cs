namespace Portal.Contracts.Runs;

/// <summary>One blob of a registry copy: Present (the target had it), Mounted, Copied or Failed, with its tries and time.</summary>
public sealed record RunLayerDto(string Digest, string? MediaType, long Size, string Outcome, int Attempts, double Seconds, string? Error)
{
    /// <summary>Bytes per second of a copied blob; null when nothing moved or no time was measured.</summary>
    public double? BytesPerSecond => Outcome == "Copied" && Seconds > 0 ? Size / Seconds : null;
}
