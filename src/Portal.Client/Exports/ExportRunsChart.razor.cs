using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Client.Shared;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Exports;

public sealed partial class ExportRunsChart
{
    private readonly BarChartOptions durationOptions = new() { ChartPalette = ["#0b7285"], ShowLegend = false, YAxisToStringFunc = v => Formats.Duration(v) };
    private readonly LineChartOptions bytesOptions = new() { ChartPalette = ["#3b5bdb"], ShowLegend = false, YAxisToStringFunc = v => Formats.Bytes((long)v) };
    private IReadOnlyList<RunPoint>? points;
    private string? loadError;

    [Parameter, EditorRequired] public int ExportId { get; set; }

    [Parameter] public int Last { get; set; } = 30;

    private List<ChartSeries<double>> DurationSeries => [new() { Name = "Duration (s)", Data = points!.Select(p => p.DurationSeconds ?? 0).ToArray() }];

    private List<ChartSeries<double>> ByteSeries => [new() { Name = "Bytes", Data = points!.Select(p => (double)p.Bytes).ToArray() }];

    private string[] Labels => points!.Select((p, i) => i % Math.Max(1, points!.Count / 10) == 0 ? $"#{p.Number}" : "").ToArray();

    protected override async Task OnParametersSetAsync() => await ReloadAsync();

    public async Task ReloadAsync()
    {
        try
        {
            points = await Dashboard.ExportRunsAsync(ExportId, Last);
            loadError = null;
        }
        catch (HttpRequestException e)
        {
            loadError = e.Message;
        }
    }
}
