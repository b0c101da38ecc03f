using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Contracts.Accounts;
using Portal.Data;

namespace Portal.Components.Account;

// Revalidates the connected user while an interactive circuit is open, so a rejected, disabled
// or demoted user loses the session as their cookie would.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => PortalCookies.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signInManager.ValidateSecurityStampAsync(authenticationState.User);
        // A circuit cannot take a refreshed principal: one that still claims an Admin role the account lost
        // (a provider group gone, docs/decisions/011) ends here.
        return user is not null && (!authenticationState.User.IsInRole(PortalRoles.Admin)
                                    || await signInManager.UserManager.IsInRoleAsync(user, PortalRoles.Admin));
    }
}
