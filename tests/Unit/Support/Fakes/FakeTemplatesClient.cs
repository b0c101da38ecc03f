using Portal.Contracts.Shared;
using Portal.Contracts.Templates;

namespace Portal.Tests.Unit.Support.Fakes;

public sealed class FakeTemplatesClient : ITemplatesClient
{
    public List<TemplateDto> Items { get; } = [];
    public SaveResult SaveResult { get; set; } = SaveResult.Ok(1);
    public SaveResult DeleteResult { get; set; } = SaveResult.Ok(1);

    public Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<TemplateDto>>(Items);

    public Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default) => Task.FromResult(SaveResult);

    public Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult(DeleteResult);
}
