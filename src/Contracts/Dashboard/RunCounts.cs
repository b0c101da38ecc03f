namespace Portal.Contracts.Dashboard;

public sealed record RunCounts(int Succeeded, int Failed, int Skipped, int Cancelled)
{
    public int Total => Succeeded + Failed + Skipped + Cancelled;
}
