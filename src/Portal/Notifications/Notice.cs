using System.Globalization;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;

namespace Portal.Notifications;

/// <summary>What every message about a run says, whatever its channel: the export, the run, its status and meaning, the error, the link.</summary>
public sealed record Notice(long DeliveryId, NoticeKind Kind, int ExportId, string ExportName, long RunId, int RunNumber, StatusCode Status,
    string? Error, DateTimeOffset? EndedAt, string? RunUrl)
{
    public int Code => (int)Status;

    public string StatusName => Status.Name();

    public string Meaning => Status.Describe();

    /// <summary>The event name webhooks carry (<c>X-Portal-Event</c>, <c>event</c>).</summary>
    public string Event => Kind switch
    {
        NoticeKind.Failure => "run.failed",
        NoticeKind.Reminder => "run.still_failing",
        NoticeKind.Recovery => "run.recovered",
        _ => "run.finished",
    };

    public string Title => Kind switch
    {
        NoticeKind.Failure => $"Export {ExportName} failed (run #{RunNumber}, {Code} {StatusName})",
        NoticeKind.Reminder => $"Export {ExportName} is still failing (run #{RunNumber}, {Code} {StatusName})",
        NoticeKind.Recovery => $"Export {ExportName} recovered (run #{RunNumber}, {Code} {StatusName})",
        _ => $"Export {ExportName} finished (run #{RunNumber}, {Code} {StatusName})",
    };

    /// <summary>The lines of a plain-text body, in the order every channel shows them.</summary>
    public IReadOnlyList<(string Label, string Value)> Facts =>
    [
        ("Export", $"{ExportName} (id {ExportId})"),
        ("Run", string.Create(CultureInfo.InvariantCulture, $"#{RunNumber} (id {RunId}){(EndedAt is { } at ? $", ended {at:yyyy-MM-dd HH:mm:ss} UTC" : "")}")),
        ("Status", $"{Code} {StatusName}: {Meaning}"),
        ("Error", string.IsNullOrWhiteSpace(Error) ? "(none)" : Error),
        ("Run page", RunUrl ?? $"/runs/{RunId} (set Portal:PublicUrl for a full link)"),
    ];

    public string Text => $"{Title}\n\n{string.Join('\n', Facts.Select(f => $"{f.Label}: {f.Value}"))}\n";

    /// <summary>The error is shown only when the run failed; a successful run's message is its summary.</summary>
    public static Notice For(long deliveryId, NoticeKind kind, Portal.Exports.Export export, Portal.Runs.Run run, string? publicUrl) =>
        new(deliveryId, kind, export.Id, $"{export.GroupName}/{export.ProjectName}", run.Id, run.Number, run.Status,
            run.Message, run.EndedAt, publicUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}/runs/{run.Id}" : null);
}
