using Portal.Contracts.Shared;

namespace Portal.Contracts.Admin;

/// <summary>The v1 settings component's view of the server (in-process on the server, <c>/api/admin/v1-settings</c> in WebAssembly).</summary>
public interface IV1SettingsClient
{
    Task<V1SettingsDto> GetAsync(CancellationToken cancellationToken = default);

    Task<SaveResult> SaveAsync(V1SettingsForm form, CancellationToken cancellationToken = default);
}
