using System.Diagnostics;
using System.Diagnostics.Metrics;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Files;
using Portal.Domain.Images;

namespace Portal.Telemetry;

/// <summary>
/// The run instruments: runs finished by kind and status code, their duration, and what they moved. Recorded where a run's
/// end is written (every ending: a run, a refused start, a recovered run) and where its parts return.
/// </summary>
public sealed class RunMetrics
{
    public const string MeterName = "Portal.Runs";

    private readonly Counter<long> _finished;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _files;
    private readonly Counter<long> _images;

    public RunMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _finished = meter.CreateCounter<long>("portal.runs.finished", "{run}", "Runs that ended, by export kind and status code");
        _duration = meter.CreateHistogram<double>("portal.run.duration", "s", "How long runs took from start to end",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 60, 300, 900, 1800, 3600, 7200, 14400] });
        _bytes = meter.CreateCounter<long>("portal.run.bytes", "By", "Bytes exported: file content sent to S3, image bytes pushed");
        _files = meter.CreateCounter<long>("portal.run.files", "{file}", "Project files handled by runs, by outcome");
        _images = meter.CreateCounter<long>("portal.run.images", "{image}", "Image tags pushed to registries");
    }

    public void Finished(ExportKind kind, StatusCode status, TimeSpan? duration)
    {
        var tags = new TagList { { "kind", kind.ToString() }, { "status", (int)status }, { "outcome", OutcomeOf(status) } };
        _finished.Add(1, tags);
        if (duration is { } d) _duration.Record(d.TotalSeconds, tags);
    }

    public void PartsDone(FileExportResult? files, ImageExportResult? image)
    {
        if (files is not null)
        {
            var counts = files.Counts;
            _bytes.Add(counts.BytesTransferred, new KeyValuePair<string, object?>("part", "files"));
            Add(_files, counts.FilesTransferred, "transferred");
            Add(_files, counts.FilesUnchanged, "unchanged");
            Add(_files, counts.FilesDeleted, "deleted");
            Add(_files, counts.FilesFailed, "failed");
        }
        if (image is not null && image.Images.Count > 0)
        {
            _bytes.Add(image.Images.Sum(i => i.Size ?? 0), new KeyValuePair<string, object?>("part", "image"));
            _images.Add(image.Images.Count);
        }
    }

    /// <summary>A coarse label for alert rules, so they need not list every failure code.</summary>
    internal static string OutcomeOf(StatusCode status) => status switch
    {
        StatusCode.Completed => "succeeded",
        StatusCode.Skipped or StatusCode.Disabled => "skipped",
        _ => "failed",
    };

    private static void Add(Counter<long> counter, int value, string outcome)
    {
        if (value > 0) counter.Add(value, new KeyValuePair<string, object?>("outcome", outcome));
    }
}
