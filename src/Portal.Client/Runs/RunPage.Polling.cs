using Microsoft.AspNetCore.Components;

namespace Portal.Client.Runs;

// While the run is queued or running, the page asks again every RefreshInterval, on the injected clock.
public sealed partial class RunPage
{
    private void StartPolling()
    {
        if (polling is not null) return;
        polling = new CancellationTokenSource();
        _ = PollAsync(polling.Token);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, Time);
        var ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    Details = await Runs.GetAsync(Id, cancellationToken) ?? Details;
                    message = null;
                }
                catch (HttpRequestException e)
                {
                    message = $"Lost contact with the portal ({e.Message}); retrying.";
                }
                var ended = !Active;
                await InvokeAsync(StateHasChanged);
                // The files table is a query of its own: refresh it now and then, and once at the end.
                if ((ended || ++ticks % 5 == 0) && files is not null) await InvokeAsync(files.ReloadAsync);
                if (ended) break;
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    private void StopPolling()
    {
        polling?.Cancel();
        polling?.Dispose();
        polling = null;
    }
}
