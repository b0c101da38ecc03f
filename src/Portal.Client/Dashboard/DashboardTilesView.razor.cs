using Microsoft.AspNetCore.Components;
using Portal.Client.Shared;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Dashboard;

public sealed partial class DashboardTilesView
{
    [Parameter, EditorRequired] public DashboardTiles Tiles { get; set; } = default!;

    private string HealthSummary => Tiles.Components.Count == 0 ? "–" : $"{Tiles.Components.Count(c => c.Healthy)} of {Tiles.Components.Count} healthy";

    /// <summary>A count's colour only when there is something to count: "0 failed" is not an alarm.</summary>
    private static MudBlazor.Color Tone(int count, MudBlazor.Color color) => count > 0 ? color : MudBlazor.Color.Default;

    private static string Label(ComponentHealthDto c) => c.Component switch
    {
        "Domino" => $"{c.Name} (Domino)",
        "DominoRegistry" => $"{c.Name} (Domino registry)",
        "S3" => $"{c.Name} (S3)",
        "Registry" => $"{c.Name} (registry)",
        _ => c.Name,
    };

    private string Checked(ComponentHealthDto c) => c.CheckedAt is not { } at
        ? "not checked yet"
        : (Tiles.At - at) switch
        {
            var ago when ago < TimeSpan.FromMinutes(1) => "checked just now",
            var ago when ago < TimeSpan.FromHours(1) => $"checked {(int)ago.TotalMinutes} min ago",
            _ => $"checked {Formats.ShortTime(at)}",
        };
}
