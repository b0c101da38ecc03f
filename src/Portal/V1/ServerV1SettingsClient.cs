using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Shared;

namespace Portal.V1;

/// <summary>The page's client while it runs on the server: the service the <c>/api</c> endpoints call, with the same rules.</summary>
internal sealed class ServerV1SettingsClient(PageCaller user) : Contracts.Admin.IV1SettingsClient
{
    public Task<Contracts.Admin.V1SettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        user.CallAsync<V1.V1Settings, Contracts.Admin.V1SettingsDto>((s, _) => s.GetAsync(cancellationToken), adminOnly: true);

    public Task<SaveResult> SaveAsync(Contracts.Admin.V1SettingsForm form, CancellationToken cancellationToken = default) =>
        user.CallAsync<V1.V1Settings, SaveResult>((s, _) => s.SaveAsync(form, cancellationToken), adminOnly: true);
}
