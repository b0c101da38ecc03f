using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Client.Shared;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Dashboard;

public sealed partial class RunsCharts
{
    private readonly StackedBarChartOptions runOptions = new()
    {
        ChartPalette = ["#2f9e44", "#e03131", "#0b7285", "#f08c00"],
        YAxisToStringFunc = v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        MaxNumYAxisTicks = 6,
    };

    private readonly BarChartOptions bytesOptions = new()
    {
        ChartPalette = ["#3b5bdb"],
        YAxisToStringFunc = v => Formats.Bytes((long)v),
        MaxNumYAxisTicks = 6,
        ShowLegend = false,
    };

    [Parameter, EditorRequired] public IReadOnlyList<DailyRuns> Days { get; set; } = [];

    private List<ChartSeries<double>> RunSeries =>
    [
        new() { Name = "Succeeded", Data = Days.Select(d => (double)d.Succeeded).ToArray() },
        new() { Name = "Failed", Data = Days.Select(d => (double)d.Failed).ToArray() },
        new() { Name = "Skipped", Data = Days.Select(d => (double)d.Skipped).ToArray() },
        new() { Name = "Cancelled", Data = Days.Select(d => (double)d.Cancelled).ToArray() },
    ];

    private List<ChartSeries<double>> ByteSeries => [new() { Name = "Bytes", Data = Days.Select(d => (double)d.Bytes).ToArray() }];

    private string[] Labels => ChartScale.DayLabels(Days.Select(d => d.Day).ToList());

    /// <summary>Round maxima just above the busiest day, in at most five steps.</summary>
    protected override void OnParametersSet()
    {
        var runs = ChartScale.CountMax(Days.Count == 0 ? 0 : Days.Max(d => d.Succeeded + d.Failed + d.Skipped + d.Cancelled));
        (runOptions.YAxisSuggestedMax, runOptions.YAxisTicks) = (runs, ChartScale.Ticks(runs));
        var bytes = ChartScale.BytesMax(Days.Count == 0 ? 0 : Days.Max(d => d.Bytes));
        (bytesOptions.YAxisSuggestedMax, bytesOptions.YAxisTicks) = (bytes, ChartScale.Ticks(bytes));
    }
}
