using System.Diagnostics;
using System.Globalization;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;

namespace Portal.Bench;

/// <summary>
/// Where an export's time goes (option <c>stages=1</c>): seconds from the start to each stage, to the first and the
/// last finished file, and from the last file to the end (verifying, the manifest).
/// </summary>
internal sealed class StageTimes : IExportProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, double Seconds)> _marks = [];
    private double _firstFile = -1, _lastFile = -1;

    public ValueTask StageAsync(StatusCode stage, CancellationToken cancellationToken)
    {
        lock (_marks) _marks.Add((((int)stage).ToString(CultureInfo.InvariantCulture), _clock.Elapsed.TotalSeconds));
        return ValueTask.CompletedTask;
    }

    public ValueTask FileAsync(FileRecord file, CancellationToken cancellationToken)
    {
        var now = _clock.Elapsed.TotalSeconds;
        lock (_marks)
        {
            if (_firstFile < 0) _firstFile = now;
            _lastFile = now;
        }
        return ValueTask.CompletedTask;
    }

    public void Totals(int items, long bytes) { }
    public void Transferred(long bytes) { }
    public ValueTask ImageAsync(ImageRecord image, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"stages (s): {string.Join(' ', _marks.Select(m => $"{m.Name}@{m.Seconds:F2}"))} first file @{_firstFile:F2} last file @{_lastFile:F2} end @{_clock.Elapsed.TotalSeconds:F2}");
}
