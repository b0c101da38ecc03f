using Portal.Contracts.Shared;

namespace Portal.Contracts.Exports;

/// <summary>
/// The exports pages' view of the server (in-process on the server, <c>/api/exports</c> in WebAssembly). A failed
/// call throws <see cref="HttpRequestException"/> with the server's own reason as its message.
/// </summary>
public interface IExportsClient
{
    Task<Page<ExportSummary>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default);
    Task<ExportDetails?> GetAsync(int id, CancellationToken cancellationToken = default);
    Task<ExportFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default);
    Task<DominoProjectList> DominoProjectsAsync(int deploymentId, CancellationToken cancellationToken = default);
    Task<ExportValidation> ValidateAsync(int? id, ExportForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> SaveAsync(int? id, ExportForm form, CancellationToken cancellationToken = default);
    Task<SaveResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken = default);
    Task<SaveResult> ArchiveAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Brings an archived export back, disabled; refused (Conflict) while another export uses its names or project.</summary>
    Task<SaveResult> RestoreAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Queues a run now; the result's Id is the run's id (a long fits: runs are numbered from 1).</summary>
    Task<RunStarted> RunNowAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Queues a Verify run: the latest snapshot read back from S3 and compared with its manifest.</summary>
    Task<RunStarted> VerifyAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Queues a dry run: what a run would transfer, keep, delete and exclude, with nothing written.</summary>
    Task<RunStarted> DryRunAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>What the form's filters keep of its project's current commit (with the caller's Domino key).</summary>
    Task<FilterPreview> PreviewFilterAsync(ExportForm form, CancellationToken cancellationToken = default);

    /// <summary>"Run anyway (force)": a run that exports even when nothing changed since the last export.</summary>
    Task<RunStarted> RunAnywayAsync(int id, CancellationToken cancellationToken = default);
}
