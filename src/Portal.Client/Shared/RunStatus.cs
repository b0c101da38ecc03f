using MudBlazor;

namespace Portal.Client.Shared;

/// <summary>What a status code means to a person: the outcome word and its colour (docs/status-codes.md).</summary>
public static class RunStatus
{
    public static bool IsRunning(int? status) => status is 210 or >= 300;

    public static bool IsFinished(int? status) => status is > 0 and < 210 or 290;

    public static string Label(int? status) => status switch
    {
        null or 0 => "Never run",
        290 => "Succeeded",
        200 or 101 => "Skipped",
        205 => "Disabled",
        104 => "Cancelled",
        220 => "Queued",
        210 or >= 300 => "Running",
        _ => "Failed",
    };

    public static Color Color(int? status) => status switch
    {
        null or 0 or 205 => MudBlazor.Color.Default,
        290 => MudBlazor.Color.Success,
        200 or 101 => MudBlazor.Color.Secondary,
        104 => MudBlazor.Color.Warning,
        220 or 210 or >= 300 => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Error,
    };
}
