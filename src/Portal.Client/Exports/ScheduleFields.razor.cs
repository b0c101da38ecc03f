using Microsoft.AspNetCore.Components;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ScheduleFields
{
    [Parameter] public string Schedule { get; set; } = "";

    [Parameter] public EventCallback<string> ScheduleChanged { get; set; }

    [Parameter] public string TimeZone { get; set; } = "UTC";

    [Parameter] public EventCallback<string> TimeZoneChanged { get; set; }

    [Parameter] public IReadOnlyList<SchedulePresetDto> Presets { get; set; } = [];

    [Parameter] public IReadOnlyList<string> TimeZones { get; set; } = [];

    [Parameter] public IReadOnlyList<DateTimeOffset> NextRuns { get; set; } = [];

    [Parameter] public string? ScheduleError { get; set; }

    [Parameter] public string? TimeZoneError { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private Task<IEnumerable<string>> SearchTimeZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) || TimeZones.Contains(text)
            ? TimeZones
            : TimeZones.Where(z => z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));
}
