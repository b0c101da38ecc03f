using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Runs;

/// <summary>
/// Runs and bytes per day, owner, kind and outcome, added to as runs finish: the dashboard's charts
/// read a few hundred of these instead of counting a million runs.
/// </summary>
public sealed class RunDailyStat
{
    public DateOnly Day { get; set; }
    public required string OwnerId { get; set; }
    public ExportKind Kind { get; set; }
    public RunOutcome Outcome { get; set; }
    public int Runs { get; set; }
    public long Bytes { get; set; }
    public double Seconds { get; set; }
}
