using Docker.DotNet.Models;
using Portal.Domain.Runs;

namespace Portal.Domain.Images.Engine;

/// <summary>
/// Turns the per-layer byte counts of pulls and pushes (Docker's progressDetail) into the run's
/// totals and transferred bytes. Engines that send no byte counts (podman's Docker API) are
/// measured afterwards from the image's size instead (<see cref="EndPhase"/>).
/// </summary>
internal sealed class TransferMeter(IExportProgress progress)
{
    private readonly Dictionary<string, (long Current, long Total)> _layers = new(StringComparer.Ordinal);
    private string _phase = "";
    private bool _sawBytes;
    private int _items;
    private long _bytes;

    public void BeginPhase(string phase)
    {
        _phase = phase;
        _sawBytes = false;
    }

    public void Observe(JSONMessage message)
    {
        if (message.ID is not { Length: > 0 } id) return;
        var key = _phase + ":" + id;
        if (message.Progress is { Total: > 0 } p && message.Status is "Downloading" or "Pushing")
        {
            _sawBytes = true;
            if (!_layers.TryGetValue(key, out var layer))
            {
                layer = (0, p.Total);
                _items++;
                _bytes += p.Total;
                progress.Totals(_items, _bytes);
            }
            var current = Math.Min(p.Current, layer.Total);
            if (current > layer.Current) progress.Transferred(current - layer.Current);
            _layers[key] = (Math.Max(current, layer.Current), layer.Total);
        }
        else if (message.Status is "Download complete" or "Pushed" && _layers.TryGetValue(key, out var done) && done.Current < done.Total)
        {
            progress.Transferred(done.Total - done.Current);
            _layers[key] = (done.Total, done.Total);
        }
    }

    /// <summary>Closes a phase; if the engine gave no byte counts, the image's layers and size stand in for them.</summary>
    public void EndPhase(int layers, long bytes)
    {
        if (_sawBytes || bytes <= 0) return;
        _items += layers;
        _bytes += bytes;
        progress.Totals(_items, _bytes);
        progress.Transferred(bytes);
    }
}
