namespace Portal.Contracts.Connections;

public sealed record ConnectionTestResult(IReadOnlyList<ConnectionCheckDto> Checks)
{
    public bool Healthy => Checks.Count > 0 && Checks.All(c => c.Healthy);
}

public sealed record ConnectionCheckDto(string Name, bool Healthy, string Message, double DurationMs);
