using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ExportEditPage
{
    private string? loadError;

    [Parameter] public int? Id { get; set; }

    // Kept from the prerendered page, so the interactive one starts with them.
    [PersistentState] public ExportFormOptions? Options { get; set; }

    [PersistentState] public ExportDetails? Details { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Exports", "/exports"),
        .. Id is { } id ? new[] { new BreadcrumbItem($"{Details?.Summary.GroupName}/{Details?.Summary.ProjectName}", $"/exports/{id}") } : [],
        new(Id is null ? "New" : "Edit", null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Options ??= await Exports.FormOptionsAsync();
            if (Id is null) Details = null;
            if (Id is { } id && Details?.Summary.Id != id)
            {
                Details = await Exports.GetAsync(id);
                if (Details is null) loadError = "This export does not exist, or it is not yours to see.";
            }
        }
        catch (HttpRequestException e)
        {
            loadError = $"The form could not be loaded: {e.Message}";
        }
    }
}
