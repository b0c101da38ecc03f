using Microsoft.AspNetCore.Components;
using Portal.Contracts.Exports;

namespace Portal.Client.Exports;

public sealed partial class DominoProjectPicker
{
    private bool byHand;

    /// <summary>The projects the key can see; null while unknown (no key, or not loaded yet).</summary>
    [Parameter] public DominoProjectList? Projects { get; set; }

    [Parameter] public string? OwnerName { get; set; }
    [Parameter] public string? ProjectName { get; set; }
    [Parameter] public EventCallback<(string? Owner, string? Project)> Changed { get; set; }

    /// <summary>What is wrong with the project (shown under it), and with the owner when typed.</summary>
    [Parameter] public string? Error { get; set; }
    [Parameter] public string? OwnerError { get; set; }
    [Parameter] public bool Disabled { get; set; }

    private bool ShowList => !byHand && Projects is { Error: null, Projects.Count: > 0 };

    private string? TypingHint => Projects switch
    {
        { Error: { } error } => $"Domino could not list your projects ({error}). Type the owner and project.",
        { Projects.Count: 0 } => "Domino listed no projects for your key; type the owner and project",
        _ => null,
    };

    private DominoProjectOption? Selected => OwnerName is { Length: > 0 } owner && ProjectName is { Length: > 0 } name
        ? DominoProjectSearch.Find(Projects?.Projects ?? [], owner, name) ?? new DominoProjectOption(owner, name, null)
        : null;

    private static string Text(DominoProjectOption p) => DominoProjectSearch.Text(p);

    private Task PickedAsync(DominoProjectOption? project) => Changed.InvokeAsync((project?.OwnerName, project?.ProjectName));

    private Task<IEnumerable<DominoProjectOption>> Search(string? text, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<DominoProjectOption>>(
            DominoProjectSearch.Offer(Projects?.Projects ?? [], text, Selected is { } selected ? Text(selected) : null));
}
