using System.Net.Http.Json;
using Portal.Contracts.Shared;
using Portal.Contracts.Templates;
using Portal.Client.Shared;

namespace Portal.Client.Templates;

public sealed class HttpTemplatesClient(HttpClient http) : ITemplatesClient
{
    private const string Base = "api/admin/templates";

    public async Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<List<TemplateDto>>(Base, cancellationToken);

    public async Task<SaveResult> SaveAsync(int? id, TemplateForm form, CancellationToken cancellationToken = default)
    {
        using var response = id is { } existing
            ? await http.PutAsJsonAsync($"{Base}/{existing}", form, cancellationToken)
            : await http.PostAsJsonAsync(Base, form, cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }

    public async Task<SaveResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"{Base}/{id}", cancellationToken);
        return await response.SaveResultAsync(cancellationToken);
    }
}
