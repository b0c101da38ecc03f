using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Client.Connections;
using Portal.Client.Dashboard;
using Portal.Client.Exports;
using Portal.Client.Profile;
using Portal.Client.Runs;
using Portal.Client.Shared;
using Portal.Client.Templates;
using Portal.Connections;
using Portal.Dashboard;
using Portal.Exports;
using Portal.Profile;
using Portal.Runs;
using Portal.Templates;

namespace Portal.Api;

// The pages' clients while they run on the server (prerendering, Interactive Server): the same services
// the /api endpoints call, with the same rules. Interactive Server skips endpoint authorization, so the
// caller is checked on every call, not only when the page opened.

internal sealed class CurrentUser(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    /// <summary>
    /// Runs <paramref name="call"/> in a scope of its own: a circuit lives long and a page may make
    /// several calls at once, which one shared DbContext cannot serve.
    /// </summary>
    public async Task<TResult> CallAsync<TService, TResult>(Func<TService, PortalUser, Task<TResult>> call, bool adminOnly = false)
        where TService : notnull
    {
        var user = adminOnly ? await AdminAsync() : await GetAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>(), user);
    }

    public async Task<PortalUser> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true || !(state.User.IsInRole(Client.Accounts.PortalRoles.User)
                                                              || state.User.IsInRole(Client.Accounts.PortalRoles.Admin)))
            throw new UnauthorizedAccessException("Sign in with an approved account.");
        return PortalUser.From(state.User);
    }

    public async Task<PortalUser> AdminAsync()
    {
        var user = await GetAsync();
        return user.IsAdmin ? user : throw new UnauthorizedAccessException("Only admins can do this.");
    }
}

internal sealed class ServerConnectionsClient(CurrentUser user) : IConnectionsClient
{
    public Task<ConnectionsOverview> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, ConnectionsOverview>((s, _) => s.GetAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveDeploymentAsync(int? id, DominoDeploymentForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.SaveDeploymentAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveS3TargetAsync(int? id, S3TargetForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.SaveS3TargetAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveRegistryAsync(int? id, RegistryTargetForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.SaveRegistryAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, SaveResult>((s, _) => s.DeleteAsync(kind, id, cancellationToken), adminOnly: true);

    public Task<ConnectionTestResult> TestAsync(string kind, int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ConnectionService, ConnectionTestResult>(
            async (s, _) => await s.TestAsync(kind, id, cancellationToken) ?? new ConnectionTestResult([]), adminOnly: true);
}

internal sealed class ServerTemplatesClient(CurrentUser user) : ITemplatesClient
{
    public Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<TemplateService, IReadOnlyList<TemplateDto>>((s, _) => s.ListAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<TemplateService, SaveResult>((s, _) => s.SaveAsync(id, form, cancellationToken), adminOnly: true);

    public Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<TemplateService, SaveResult>((s, _) => s.DeleteAsync(id, cancellationToken), adminOnly: true);
}

internal sealed class ServerProfileClient(CurrentUser user) : IProfileClient
{
    public Task<IReadOnlyList<DominoKeyDto>> DominoKeysAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoKeyService, IReadOnlyList<DominoKeyDto>>((s, u) => s.ListAsync(u, cancellationToken));

    public Task<SaveKeyResult> SaveDominoKeyAsync(int deploymentId, string apiKey, CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoKeyService, SaveKeyResult>((s, u) => s.SaveAsync(u, deploymentId, apiKey, cancellationToken));

    public Task RemoveDominoKeyAsync(int deploymentId, CancellationToken cancellationToken = default) =>
        user.CallAsync<DominoKeyService, int>(async (s, u) => { await s.RemoveAsync(u, deploymentId, cancellationToken); return 0; });
}

internal sealed class ServerExportsClient(CurrentUser user) : IExportsClient
{
    public Task<Page<ExportSummary>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, Page<ExportSummary>>((s, u) => s.ListAsync(u, query, cancellationToken));

    public Task<ExportDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, ExportDetails?>((s, u) => s.GetAsync(u, id, cancellationToken));

    public Task<ExportFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, ExportFormOptions>((s, u) => s.FormOptionsAsync(u, cancellationToken));

    public Task<DominoProjectList> DominoProjectsAsync(int deploymentId, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, DominoProjectList>(async (s, u) =>
        {
            try { return new DominoProjectList(await s.DominoProjectsAsync(u, deploymentId, cancellationToken)); }
            catch (Domain.Domino.DominoException e) { return new DominoProjectList([], e.Message); }
        });

    public Task<ExportValidation> ValidateAsync(int? id, ExportForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, ExportValidation>((s, u) => s.ValidateAsync(u, id, form, cancellationToken));

    public Task<SaveResult> SaveAsync(int? id, ExportForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, SaveResult>((s, u) => s.SaveAsync(u, id, form, cancellationToken));

    public Task<SaveResult> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, SaveResult>((s, u) => s.SetEnabledAsync(u, id, enabled, cancellationToken));

    public Task<SaveResult> ArchiveAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, SaveResult>((s, u) => s.ArchiveAsync(u, id, cancellationToken));

    public Task<RunStarted> RunNowAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, RunStarted>((s, u) => s.RunNowAsync(u, id, RunTrigger.Manual, cancellationToken));

    public Task<RunStarted> RunAnywayAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<ExportService, RunStarted>((s, u) => s.RunNowAsync(u, id, RunTrigger.Manual, cancellationToken, force: true));
}

internal sealed class ServerRunsClient(CurrentUser user) : IRunsClient
{
    public Task<RunDetails?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, RunDetails?>((s, u) => s.GetAsync(u, id, cancellationToken));

    public Task<Page<RunSummary>> ForExportAsync(int exportId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, Page<RunSummary>>((s, u) => s.ForExportAsync(u, exportId, page, pageSize, cancellationToken));

    public Task<Page<RunFileDto>> FilesAsync(long runId, string? outcome, int skip, int take, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, Page<RunFileDto>>(async (s, u) =>
            await s.FilesAsync(u, runId, outcome, skip, take, cancellationToken) ?? new Page<RunFileDto>([], 0));

    public Task<SaveResult> CancelAsync(long runId, CancellationToken cancellationToken = default) =>
        user.CallAsync<RunService, SaveResult>((s, u) => s.CancelAsync(u, runId, cancellationToken));
}

internal sealed class ServerTokensClient(CurrentUser user) : Client.Profile.ITokensClient
{
    public Task<IReadOnlyList<Client.Profile.TokenDto>> ListAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<PersonalAccessTokenService, IReadOnlyList<Client.Profile.TokenDto>>((s, u) => s.ListAsync(u, cancellationToken));

    public Task<Client.Profile.CreatedToken> CreateAsync(Client.Profile.CreateTokenRequest request, CancellationToken cancellationToken = default) =>
        user.CallAsync<PersonalAccessTokenService, Client.Profile.CreatedToken>((s, u) => s.CreateAsync(u, request, cancellationToken));

    public Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default) =>
        user.CallAsync<PersonalAccessTokenService, bool>((s, u) => s.RevokeAsync(u, id, cancellationToken));
}

internal sealed class ServerV1SettingsClient(CurrentUser user) : Client.Admin.IV1SettingsClient
{
    public Task<Client.Admin.V1SettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<V1.V1Settings, Client.Admin.V1SettingsDto>((s, _) => s.GetAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveAsync(Client.Admin.V1SettingsForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<V1.V1Settings, SaveResult>((s, _) => s.SaveAsync(form, cancellationToken), adminOnly: true);
}

internal sealed class ServerDashboardClient(CurrentUser user) : IDashboardClient
{
    public Task<DashboardTiles> TilesAsync(string? ownerId = null, CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, DashboardTiles>((s, u) => s.TilesAsync(u, ownerId, cancellationToken));

    public Task<IReadOnlyList<DailyRuns>> DailyAsync(int days, string? ownerId = null, CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, IReadOnlyList<DailyRuns>>((s, u) => s.DailyAsync(u, days, ownerId, cancellationToken));

    public Task<IReadOnlyList<RunPoint>> ExportRunsAsync(int exportId, int last = 30, CancellationToken cancellationToken = default) =>
        user.CallAsync<DashboardService, IReadOnlyList<RunPoint>>(async (s, u) =>
            await s.ExportRunsAsync(u, exportId, last, cancellationToken) ?? []);
}
