using MudBlazor;
using Portal.Contracts.Audit;

namespace Portal.Client.Audit;

// Every filter is applied by the server (AuditQuery), one page at a time; the CSV link carries the same filters.
public sealed partial class AuditPage
{
    private static readonly (string Value, string Label)[] Actions =
    [
        ("account.", "Accounts"), ("sign-in.", "Sign-in failures"), ("connection.", "Connections"), ("template.", "Templates"),
        ("v1-settings.", "v1 settings"), ("export.", "Exports"), ("token.", "Tokens"), ("subscription.", "Subscriptions"),
    ];

    private MudTable<AuditEntryDto> table = default!;
    private string? person, target, action, loadError;
    private DateTime? from, to;

    private AuditQuery Query(int page = 0, int pageSize = 50) => new(
        Person: person, Object: target, Action: action,
        From: from is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f.Date, DateTimeKind.Utc)) : null,
        To: to is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.Date.AddDays(1).AddTicks(-1), DateTimeKind.Utc)) : null,
        Page: page, PageSize: pageSize);

    private string CsvLink => $"/api/admin/audit/csv?{Query().ToQueryString()}";

    private async Task<TableData<AuditEntryDto>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Audit.ListAsync(Query(state.Page, state.PageSize), cancellationToken);
            loadError = null;
            return new TableData<AuditEntryDto> { Items = page.Items, TotalItems = page.Total };
        }
        catch (HttpRequestException e)
        {
            loadError = $"The audit log could not be loaded: {e.Message}";
            return new TableData<AuditEntryDto> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>A new filter starts again at the first page.</summary>
    private async Task Refilter(Action change)
    {
        change();
        if (table.CurrentPage > 0) table.NavigateTo(0);
        else await table.ReloadServerData();
    }
}
