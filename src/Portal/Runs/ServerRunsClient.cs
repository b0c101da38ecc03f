using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Exports;
using Portal.Contracts.Shared;

namespace Portal.Runs;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerRunsClient(PageCaller user) : IRunsClient
{
    public Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, RunDetails?>((s, u) => s.GetAsync(u, id, cancellationToken));

    public Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, Page<RunSummary>>((s, u) => s.ForExportAsync(u, exportId, page, pageSize, cancellationToken));

    public Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, Page<RunFileDto>>(async (s, u) =>
            await s.FilesAsync(u, runId, outcome, skip, take, cancellationToken) ?? throw NotVisible.Run());

    public Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, SaveResult>((s, u) => s.CancelAsync(u, runId, cancellationToken));

    public Task<RunStarted> ResumeAsync(long runId, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, RunStarted>((s, u) => s.ResumeAsync(u, runId, RunTrigger.Manual, cancellationToken));
}
