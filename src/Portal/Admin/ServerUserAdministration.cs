using Microsoft.AspNetCore.Components.Authorization;
using Portal.Accounts;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;

namespace Portal.Admin;

/// <summary>The admin users page while it runs on the server (prerendering, Interactive Server).</summary>
internal sealed class ServerUserAdministration(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, PageCaller caller)
    : IUserAdministration
{
    // A circuit lives long; a fresh scope (and DbContext) per call never works on stale tracked accounts.
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(cancellationToken);
    }

    public async Task<UserActionResult> ApplyAsync(string userId, UserAction action, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        // Interactive Server bypasses endpoint authorization after the first render, so check per action.
        if (!state.User.IsInRole(PortalRoles.Admin))
        {
            return new UserActionResult(false, "Only admins can change accounts.");
        }
        var result = await caller.CallAsync<AccountService, AccountResult>((s, u) => s.ApplyAsync(userId, action, u.Email), adminOnly: true);
        return new UserActionResult(result.Succeeded, result.Message);
    }
}
