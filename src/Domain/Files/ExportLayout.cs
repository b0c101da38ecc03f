using Portal.Domain.S3;

namespace Portal.Domain.Files;

/// <summary>
/// Where an export's objects live, as the original laid them out:
/// <c>{prefix/}projects/{group}/{project}/latest/…</c>, <c>…/prior/…</c>, <c>…/sync-status.log</c> and
/// <c>{prefix/}exports-status.log</c>. The manifests sit beside the snapshots, not inside them, so no
/// project file can collide with them.
/// </summary>
public sealed record ExportLayout(S3Target Target, string ExportGroupName, string ExportProjectName)
{
    public string Base => Target.Key($"projects/{ExportGroupName}/{ExportProjectName}");
    public string BasePrefix => Base + "/";
    public string LatestPrefix => Base + "/latest/";
    public string PriorPrefix => Base + "/prior/";
    public string LatestManifest => Base + "/latest.manifest.json";
    public string PriorManifest => Base + "/prior.manifest.json";
    public string SyncLog => Base + "/sync-status.log";

    /// <summary>Written and deleted once an hour per bucket to learn whether the store honours conditional writes.</summary>
    public string ProbeKey => Base + "/conditional-write-probe";
    public string ExportsLog => Target.Key("exports-status.log");

    public string BaseUrl => Target.Url(Base);
    public string LatestUrl => Target.Url(Base + "/latest");
    public string PriorUrl => Target.Url(Base + "/prior");
    public string SyncLogUrl => Target.Url(SyncLog);

    public string LatestKey(string path) => LatestPrefix + path;
    public string PriorKey(string path) => PriorPrefix + path;
}
