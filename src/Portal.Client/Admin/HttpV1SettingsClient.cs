using System.Net.Http.Json;
using Portal.Contracts.Admin;
using Portal.Contracts.Shared;
using Portal.Client.Shared;

namespace Portal.Client.Admin;

public sealed class HttpV1SettingsClient(HttpClient http) : IV1SettingsClient
{
    private const string Base = "api/admin/v1-settings";

    public async Task<V1SettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<V1SettingsDto>(Base, cancellationToken);

    public async Task<SaveResult> SaveAsync(V1SettingsForm form, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(Base, form, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }
}
