namespace Portal.Contracts.Exports;

/// <summary>"Run now": the queued run, or why none was queued (<see cref="NotFound"/>: the export is not the caller's to see).</summary>
public sealed record RunStarted(bool Succeeded, long? RunId, string Message, bool NotFound = false);
