using Portal.Contracts.Shared;

namespace Portal.Contracts.Runs;

/// <summary>The run pages' view of the server (in-process on the server, <c>/api/runs</c> in WebAssembly).</summary>
public interface IRunsClient
{
    Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default);
    Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default);
    Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default);
    Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Queues a run that completes a failed run's snapshot, moving only the files still missing.</summary>
    Task<Portal.Contracts.Exports.RunStarted> ResumeAsync(long runId, CancellationToken cancellationToken = default);
}
