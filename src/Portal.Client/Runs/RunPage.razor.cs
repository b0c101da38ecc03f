using Microsoft.AspNetCore.Components;
using Portal.Contracts.Runs;

namespace Portal.Client.Runs;

/// <summary>A run, refreshed every <see cref="RefreshInterval"/> while it is queued or running, until it ends.</summary>
public sealed partial class RunPage : IDisposable
{
    private RunFiles? files;

    private string? loadError;

    private string? message;

    private CancellationTokenSource? polling;

    private bool cancelling;

    private bool resuming;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IRunsClient Runs { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    /// <summary>Kept from the prerendered page, so the interactive one starts with it (and polls from there).</summary>
    [PersistentState] public RunDetails? Details { get; set; }

    [Parameter] public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    private bool Active => Details?.Summary is { } run && (run.IsRunning || run.IsQueued);

    private bool Cancelling => cancelling || (Active && Details!.CancelRequested);

    protected override async Task OnParametersSetAsync()
    {
        StopPolling();
        try
        {
            if (Details?.Summary.Id != Id) Details = await Runs.GetAsync(Id);
            loadError = Details is null ? "This run does not exist, or it is not yours to see." : null;
        }
        catch (HttpRequestException e)
        {
            loadError = $"The run could not be loaded: {e.Message}";
        }
        // Only a live page polls: the prerendered one is a snapshot the interactive one replaces.
        if (RendererInfo.IsInteractive && Active) StartPolling();
    }

    private async Task CancelAsync()
    {
        cancelling = true;
        var result = await Runs.CancelAsync(Id);
        if (!result.Succeeded)
        {
            message = string.Join(" ", result.Errors.Values.SelectMany(v => v));
            cancelling = false;
            return;
        }
        Details = await Runs.GetAsync(Id) ?? Details;
        if (Active) StartPolling();
    }

    private async Task ResumeAsync()
    {
        resuming = true;
        var started = await Runs.ResumeAsync(Id);
        resuming = false;
        if (started is { Succeeded: true, RunId: { } runId }) Navigation.NavigateTo($"/runs/{runId}");
        else message = started.Message;
    }

    public void Dispose() => StopPolling();
}
