using System.Net.Http.Json;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Client.Shared;

namespace Portal.Client.Runs;

public sealed class HttpRunsClient(HttpClient http) : IRunsClient
{
    public Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        http.GetOrNullAsync<RunDetails>($"api/runs/{id}", cancellationToken);

    public async Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<Page<RunSummary>>($"api/exports/{exportId}/runs?page={page}&pageSize={pageSize}", cancellationToken);

    public async Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<Page<RunFileDto>>(
            $"api/runs/{runId}/files?skip={skip}&take={take}{(outcome is null ? "" : "&outcome=" + Uri.EscapeDataString(outcome))}",
            cancellationToken);

    public async Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/runs/{runId}/cancel", null, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public Task<RunStarted> ResumeAsync(long runId, CancellationToken cancellationToken = default) =>
        http.PostForRunAsync($"api/runs/{runId}/resume", cancellationToken);
}
