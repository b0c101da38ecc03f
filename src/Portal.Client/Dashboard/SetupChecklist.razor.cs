using Microsoft.AspNetCore.Components;
using Portal.Contracts.Dashboard;

namespace Portal.Client.Dashboard;

public sealed partial class SetupChecklist
{
    [Inject] private IDashboardClient Dashboard { get; set; } = null!;

    /// <summary>Given by tests; loaded from the server otherwise.</summary>
    [Parameter] public SetupProgress? Progress { get; set; }

    private sealed record Step(string Id, string Text, string Action, string Href, bool Done);

    private List<Step> Steps => Progress is not { } p ? [] :
    [
        new("domino", "Connect your Domino deployment", "Add a Domino deployment", "/admin/connections", p.HasDomino),
        new("s3", "Add an S3 target and test it", "Add or test an S3 target", "/admin/connections", p.HasTestedS3),
        new("v1", "Choose the deployment and S3 target that v1 API scripts use", "Open the v1 settings", "/admin/connections", p.HasV1Settings),
        new("approve", p.PendingUsers > 0 ? $"Approve the first user ({p.PendingUsers} waiting)" : "Approve the first user (nobody has signed up yet)",
            "Open the users", "/admin/users", p.FirstUserApproved),
    ];

    private int Done => Steps.Count(s => s.Done);

    /// <summary>Each person's own next step: a Domino key first (exports run with it), then a first export.</summary>
    private (string Text, string Action, string Href, string Id)? NextStep => Progress switch
    {
        null => null,
        { HasDominoKey: false } => ("Store your Domino API key: your exports run with it.", "Store your Domino key", "/profile", "domino-key"),
        { HasExports: false } => ("Your Domino key is stored. Next, tell the portal what to export and when.", "Create your first export", "/exports/new", "first-export"),
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        if (Progress is not null) return;
        try
        {
            Progress = await Dashboard.SetupAsync();
        }
        catch (HttpRequestException)
        {
            // The checklist is a guide: the home page works without it.
        }
    }
}
