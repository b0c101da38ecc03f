using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Contracts.Accounts;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class ExportPage
{
    private ExportRuns? runs;
    private Audit.ExportAudit? history;

    private string? loadError;

    private (bool Ok, string Text)? message;

    private bool isAdmin;

    private bool busy;

    [Inject] private IExportsClient Exports { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Parameter] public int Id { get; set; }

    /// <summary>Kept from the prerendered page, so the interactive one starts with it.</summary>
    [PersistentState] public ExportDetails? Details { get; set; }

    private bool Idle => busy || !RendererInfo.IsInteractive;

    /// <summary>
    /// The last run found nothing changed (200) and the files settings (target, names, filters) are still those it exported
    /// with: the export is up to date, and "Run anyway" is offered.
    /// </summary>
    private bool UpToDate => Details is { Summary: { Running: false, LastStatus: 200 }, FilesSettingsChanged: false };

    protected override async Task OnParametersSetAsync()
    {
        isAdmin = Authentication is not null && (await Authentication).User.IsInRole(PortalRoles.Admin);
        if (Details?.Summary.Id != Id) await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            Details = await Exports.GetAsync(Id);
            loadError = Details is null ? "This export does not exist, or it is not yours to see." : null;
        }
        catch (HttpRequestException e)
        {
            loadError = $"The export could not be loaded: {e.Message}";
        }
    }
}
