using Portal.Domain.Domino;
using Portal.Domain.Runs;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

/// <summary>
/// One run of a project file export. <see cref="Previous"/> is what the last successful run stored
/// (<see cref="FileExportResult.NewState"/>); <see cref="Force"/> exports even when nothing changed.
/// <see cref="Lease"/> is the run's claim on the export (none: nobody else can write it); <see cref="Filter"/> which files
/// of the commit the export takes (none: all); <see cref="CommitId"/> the commit to export (a resumed run completes the commit
/// the failed run started) instead of the head commit.
/// </summary>
public sealed record FileExportRequest(
    DominoConnection Domino,
    string ApiKey,
    string OwnerName,
    string ProjectName,
    S3Target Target,
    string ExportGroupName,
    string ExportProjectName,
    FileExportState? Previous,
    bool Force,
    string RunId,
    IRunLease? Lease = null,
    FileFilter? Filter = null,
    string? CommitId = null)
{
    public FileFilter Filters => Filter ?? FileFilter.None;

    public ExportLayout Layout => new(Target, ExportGroupName, ExportProjectName);

    public IRunLease Fence => Lease ?? RunLeases.Unfenced;

    // The API key is a secret: keep it out of logs.
    public override string ToString() =>
        $"FileExportRequest {{ {OwnerName}/{ProjectName} -> {Layout.BaseUrl}, Force = {Force}, RunId = {RunId}, CommitId = {CommitId ?? "head"} }}";
}
