using System.Diagnostics;
using System.Globalization;

namespace Portal.Telemetry;

/// <summary>
/// A span per run. Its run id travels as baggage to every span under it — the Domino, S3 and registry calls — so a trace
/// viewer finds all of a run's calls by <c>portal.run.id</c>.
/// </summary>
public static class RunTracing
{
    public const string SourceName = "Portal.Runs";
    public const string RunIdTag = "portal.run.id";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartRun(long runId, int exportId)
    {
        var activity = Source.StartActivity("export run");
        if (activity is null) return null;
        var id = runId.ToString(CultureInfo.InvariantCulture);
        activity.SetTag(RunIdTag, id);
        activity.SetTag("portal.export.id", exportId);
        activity.SetBaggage(RunIdTag, id);
        return activity;
    }

    internal static void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (activity.GetBaggageItem(RunIdTag) is { } runId) activity.SetTag(RunIdTag, runId);
    }
}
