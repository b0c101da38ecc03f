using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Client.Admin;

namespace Portal.Admin;

/// <summary>The admin users page while it runs on the server (prerendering, Interactive Server).</summary>
internal sealed class ServerUserAdministration(AccountService accounts, AuthenticationStateProvider authentication) : IUserAdministration
{
    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        accounts.ListAsync(cancellationToken);

    public async Task<UserActionResult> ApplyAsync(string userId, UserAction action, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        // Interactive Server bypasses endpoint authorization; the page's [Authorize] ran once, so check again per action.
        if (!state.User.IsInRole(Client.Accounts.PortalRoles.Admin))
        {
            return new UserActionResult(false, "Only admins can change accounts.");
        }
        var result = await accounts.ApplyAsync(userId, action, state.User.Identity?.Name ?? "");
        return new UserActionResult(result.Succeeded, result.Message);
    }
}
