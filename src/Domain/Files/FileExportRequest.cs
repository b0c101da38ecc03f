using Portal.Domain.Domino;
using Portal.Domain.S3;

namespace Portal.Domain.Files;

/// <summary>
/// One run of a project file export. <see cref="Previous"/> is what the last successful run stored
/// (<see cref="FileExportResult.NewState"/>); <see cref="Force"/> exports even when nothing changed.
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
    string RunId)
{
    public ExportLayout Layout => new(Target, ExportGroupName, ExportProjectName);

    // The API key is a secret: keep it out of logs.
    public override string ToString() =>
        $"FileExportRequest {{ {OwnerName}/{ProjectName} -> {Layout.BaseUrl}, Force = {Force}, RunId = {RunId} }}";
}
