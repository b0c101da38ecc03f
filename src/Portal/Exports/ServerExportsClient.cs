using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Runs;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Exports;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerExportsClient(PageCaller user) : IExportsClient
{
    public Task<Page<ExportSummary>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportList, Page<ExportSummary>>((s, u) => s.ListAsync(u, query, cancellationToken));

    public Task<ExportDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportReader, ExportDetails?>((s, u) => s.GetAsync(u, id, cancellationToken));

    public Task<ExportFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportReader, ExportFormOptions>((s, u) => s.FormOptionsAsync(u, cancellationToken));

    public Task<DominoProjectList> DominoProjectsAsync(int deploymentId, CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoProjects, DominoProjectList>(async (s, u) =>
        {
            try { return new DominoProjectList(await s.ListAsync(u, deploymentId, cancellationToken)); }
            catch (Domain.Domino.DominoException e) { return new DominoProjectList([], e.Message); }
        });

    public Task<ExportValidation> ValidateAsync(int? id, ExportForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportForms, ExportValidation>((s, u) => s.ValidateAsync(u, id, form, cancellationToken));

    public Task<SaveResult> SaveAsync(int? id, ExportForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportForms, SaveResult>((s, u) => s.SaveAsync(u, id, form, cancellationToken));

    public Task<SaveResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, SaveResult>((s, u) => s.SetEnabledAsync(u, id, enabled, cancellationToken));

    public Task<SaveResult> ArchiveAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, SaveResult>((s, u) => s.ArchiveAsync(u, id, cancellationToken));

    public Task<SaveResult> RestoreAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, SaveResult>((s, u) => s.RestoreAsync(u, id, cancellationToken));

    public Task<RunStarted> RunNowAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, RunStarted>((s, u) => s.RunNowAsync(u, id, RunTrigger.Manual, cancellationToken));

    public Task<RunStarted> VerifyAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, RunStarted>((s, u) => s.VerifyNowAsync(u, id, RunTrigger.Manual, cancellationToken));

    public Task<RunStarted> DryRunAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, RunStarted>((s, u) => s.DryRunAsync(u, id, RunTrigger.Manual, cancellationToken));

    public Task<FilterPreview> PreviewFilterAsync(ExportForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportFilterPreview, FilterPreview>((s, u) => s.PreviewAsync(u, form, cancellationToken));

    public Task<RunStarted> RunAnywayAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportActions, RunStarted>((s, u) => s.RunNowAsync(u, id, RunTrigger.Manual, cancellationToken, force: true));
}
