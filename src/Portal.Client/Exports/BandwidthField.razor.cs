using Microsoft.AspNetCore.Components;
using Portal.Contracts.Shared;

namespace Portal.Client.Exports;

public sealed partial class BandwidthField
{
    // What cannot be read is sent as 0, which the server refuses: the last good value is never saved in its place.
    private const long Unreadable = 0;

    private string text = "";

    private string? parseError;

    [Parameter] public long? Value { get; set; }

    [Parameter] public EventCallback<long?> ValueChanged { get; set; }

    /// <summary>The server's reason, when it has one.</summary>
    [Parameter] public string? Error { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private string? ErrorText => parseError ?? Error;

    private static string Help => "Bytes per second, e.g. 50 MiB/s or 1.5 GB/s (KiB, MiB, GiB: powers of 1024; KB, MB, GB: of 1000). "
                                  + "Empty: no limit of its own. The node's limit applies as well.";

    protected override void OnParametersSet()
    {
        // Keep what the person typed while it means the value the form holds.
        if (Value is { } v && v != Unreadable && !(ByteRate.TryParse(text, out var typed) && typed == v)) text = ByteRate.Format(v);
        else if (Value is null && parseError is null) text = "";
    }

    private async Task OnTextChanged(string? value)
    {
        text = value ?? "";
        long? limit = null;
        parseError = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (ByteRate.TryParse(text, out var parsed)) limit = parsed;
            else
            {
                parseError = ByteRate.Rule;
                limit = Unreadable;
            }
        }
        await ValueChanged.InvokeAsync(limit);
    }
}
