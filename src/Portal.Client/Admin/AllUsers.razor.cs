using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;

namespace Portal.Client.Admin;

public sealed partial class AllUsers
{
    [Parameter, EditorRequired] public IReadOnlyList<UserSummary> Users { get; set; } = [];

    [Parameter] public EventCallback<UserActionRequest> OnAction { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private static IEnumerable<UserAction> ActionsFor(UserSummary user) => user.Status switch
    {
        AccountStatus.Approved => [user.IsAdmin ? UserAction.RevokeAdmin : UserAction.GrantAdmin, UserAction.Disable],
        AccountStatus.Disabled => [UserAction.Enable],
        AccountStatus.Rejected => [UserAction.Approve],
        _ => [],
    };

    private static string Label(UserAction action) => action switch
    {
        UserAction.GrantAdmin => "Make admin",
        UserAction.RevokeAdmin => "Remove admin",
        _ => action.ToString(),
    };

    private static Color StatusColor(AccountStatus status) => status switch
    {
        AccountStatus.Approved => Color.Success,
        AccountStatus.Pending => Color.Info,
        AccountStatus.Rejected => Color.Error,
        _ => Color.Default,
    };
}
