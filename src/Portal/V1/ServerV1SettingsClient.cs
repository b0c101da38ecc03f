using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Connections;
using Portal.Dashboard;
using Portal.Exports;
using Portal.Profile;
using Portal.Runs;
using Portal.Templates;
using Portal.Contracts.Connections;
using Portal.Contracts.Dashboard;
using Portal.Contracts.Exports;
using Portal.Contracts.Profile;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

namespace Portal.V1;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerV1SettingsClient(PageCaller user) : Contracts.Admin.IV1SettingsClient
{
    public Task<Contracts.Admin.V1SettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<V1.V1Settings, Contracts.Admin.V1SettingsDto>((s, _) => s.GetAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveAsync(Contracts.Admin.V1SettingsForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<V1.V1Settings, SaveResult>((s, _) => s.SaveAsync(form, cancellationToken), adminOnly: true);
}
