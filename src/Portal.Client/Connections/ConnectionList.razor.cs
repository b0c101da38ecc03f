using Microsoft.AspNetCore.Components;
using Portal.Contracts.Connections;

namespace Portal.Client.Connections;

public sealed partial class ConnectionList<TItem>
{
    private readonly Dictionary<int, ConnectionTestResult> results = [];
    private readonly HashSet<int> testing = [];

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>"Add {Noun}", "No {Noun}s yet".</summary>
    [Parameter, EditorRequired] public string Noun { get; set; } = "";

    /// <summary>The API's name for this kind: domino, s3 or registry.</summary>
    [Parameter, EditorRequired] public string Kind { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<TItem> Items { get; set; } = [];

    [Parameter, EditorRequired] public Func<TItem, int> IdOf { get; set; } = _ => 0;

    [Parameter, EditorRequired] public Func<TItem, string> NameOf { get; set; } = _ => "";

    [Parameter] public RenderFragment? Headers { get; set; }

    [Parameter] public RenderFragment<TItem> Cells { get; set; } = _ => _ => { };

    [Parameter] public EventCallback OnAdd { get; set; }

    [Parameter] public EventCallback<TItem> OnEdit { get; set; }

    [Parameter] public EventCallback<TItem> OnDelete { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private Task TestAsync(TItem item) => TestAsync(IdOf(item), NameOf(item));

    /// <summary>Saving a connection tests it: the result shows under its row without a click.</summary>
    public Task TestSavedAsync(int id) =>
        TestAsync(id, Items.Where(i => IdOf(i) == id).Select(NameOf).FirstOrDefault() ?? Noun);

    private async Task TestAsync(int id, string name)
    {
        testing.Add(id);
        await InvokeAsync(StateHasChanged);
        try
        {
            results[id] = await Connections.TestAsync(Kind, id);
        }
        catch (Exception e) when (e is HttpRequestException or UnauthorizedAccessException)
        {
            results[id] = new ConnectionTestResult([new ConnectionCheckDto(name, false, e.Message, 0)]);
        }
        finally
        {
            testing.Remove(id);
            await InvokeAsync(StateHasChanged);
        }
    }
}
