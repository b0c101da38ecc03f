using Microsoft.AspNetCore.Components;
using MudBlazor;
using System.Globalization;
using Portal.Client.Shared;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Dashboard;

public sealed partial class RunsCharts
{
    private readonly StackedBarChartOptions runOptions = new()
    {
        ChartPalette = ["#2f9e44", "#e03131", "#0b7285", "#f08c00"],
        YAxisToStringFunc = v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly LineChartOptions bytesOptions = new()
    {
        ChartPalette = ["#3b5bdb"],
        YAxisToStringFunc = v => Formats.Bytes((long)v),
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

    /// <summary>Every day's label would crowd the axis: about ten are written, today's always, none squeezed next to it.</summary>
    private string[] Labels
    {
        get
        {
            var step = Math.Max(1, Days.Count / 10);
            var last = Days.Count - 1;
            return Days.Select((d, i) => i == last || (i % step == 0 && last - i >= Math.Max(1, step / 2))
                ? d.Day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "").ToArray();
        }
    }
}
