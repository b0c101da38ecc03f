using Portal.Contracts.Admin;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeV1SettingsClient : IV1SettingsClient
{
    public V1SettingsDto Dto { get; set; } = new(new V1SettingsForm(), [new Option(1, "Domino")], [new Option(2, "Bucket")],
        [new Option(3, "Registry")], [new Option(4, "Standard")], [new AccountOption("svc", "service@example.com")]);

    public SaveResult SaveResult { get; set; } = SaveResult.Ok(0);

    public List<V1SettingsForm> Saved { get; } = [];

    public Task<V1SettingsDto> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Dto);

    public Task<SaveResult> SaveAsync(V1SettingsForm form, CancellationToken cancellationToken = default)
    {
        Saved.Add(form);
        return Task.FromResult(SaveResult);
    }
}
