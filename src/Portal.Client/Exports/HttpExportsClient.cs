using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;
using Portal.Client.Shared;

namespace Portal.Client.Exports;

public sealed class HttpExportsClient(HttpClient http) : IExportsClient
{
    private const string Base = "api/exports";

    public async Task<Page<ExportSummary>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["search"] = query.Search,
            ["outcome"] = query.Outcome,
            ["ownerId"] = query.OwnerId,
            ["kind"] = query.Kind?.ToString(),
            ["includeArchived"] = query.IncludeArchived ? "true" : null,
            ["sortBy"] = query.SortBy,
            ["descending"] = query.Descending ? "true" : null,
            ["page"] = query.Page.ToString(CultureInfo.InvariantCulture),
            ["pageSize"] = query.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        var text = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return await http.GetJsonAsync<Page<ExportSummary>>($"{Base}?{text}", cancellationToken);
    }

    public Task<ExportDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        http.GetOrNullAsync<ExportDetails>($"{Base}/{id}", cancellationToken);

    public async Task<ExportFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<ExportFormOptions>($"{Base}/options", cancellationToken);

    public async Task<DominoProjectList> DominoProjectsAsync(int deploymentId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{Base}/domino-projects/{deploymentId}", cancellationToken);
        if (response.IsSuccessStatusCode)
            return new DominoProjectList(await response.ReadAsync<List<DominoProjectOption>>(cancellationToken));
        return new DominoProjectList([], await response.ProblemTextAsync(cancellationToken));
    }

    public async Task<ExportValidation> ValidateAsync(int? id, ExportForm form, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(id is { } e ? $"{Base}/{e}/validate" : $"{Base}/validate", form, cancellationToken);
        return await response.ReadAsync<ExportValidation>(cancellationToken);
    }

    public async Task<SaveResult> SaveAsync(int? id, ExportForm form, CancellationToken cancellationToken = default)
    {
        using var response = id is { } existing
            ? await http.PutAsJsonAsync($"{Base}/{existing}", form, cancellationToken)
            : await http.PostAsJsonAsync(Base, form, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public async Task<SaveResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{Base}/{id}/{(enabled ? "enable" : "disable")}", null, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public async Task<SaveResult> ArchiveAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{Base}/{id}/archive", null, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public async Task<SaveResult> RestoreAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{Base}/{id}/restore", null, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public Task<RunStarted> RunNowAsync(int id, CancellationToken cancellationToken = default) => RunAsync($"{Base}/{id}/run", cancellationToken);

    public Task<RunStarted> RunAnywayAsync(int id, CancellationToken cancellationToken = default) => RunAsync($"{Base}/{id}/run?force=true", cancellationToken);

    public Task<RunStarted> VerifyAsync(int id, CancellationToken cancellationToken = default) => RunAsync($"{Base}/{id}/verify", cancellationToken);

    public Task<RunStarted> DryRunAsync(int id, CancellationToken cancellationToken = default) => RunAsync($"{Base}/{id}/dry-run", cancellationToken);

    public async Task<FilterPreview> PreviewFilterAsync(ExportForm form, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"{Base}/filter-preview", form, cancellationToken);
        if (response.IsSuccessStatusCode) return await response.ReadAsync<FilterPreview>(cancellationToken);
        return new FilterPreview(null, 0, 0, 0, 0, await response.ProblemTextAsync(cancellationToken));
    }

    private Task<RunStarted> RunAsync(string url, CancellationToken cancellationToken) => http.PostForRunAsync(url, cancellationToken);
}
