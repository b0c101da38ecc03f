using Microsoft.AspNetCore.Components.Authorization;
using Portal.Audit;

namespace Portal.Accounts;

/// <summary>
/// Who calls a page's client while the page runs on the server (prerendering, Interactive Server). Interactive
/// Server skips endpoint authorization, so the caller is checked on every call, not only when the page opened.
/// </summary>
internal sealed class PageCaller(AuthenticationStateProvider authentication, IServiceScopeFactory scopes, CircuitAddress circuit,
    IHttpContextAccessor http)
{
    /// <summary>
    /// Runs <paramref name="call"/> in a scope of its own: a circuit lives long and a page may make
    /// several calls at once, which one shared DbContext cannot serve.
    /// </summary>
    public async Task<TResult> CallAsync<TService, TResult>(Func<TService, PortalUser, Task<TResult>> call, bool adminOnly = false)
        where TService : notnull
    {
        var user = adminOnly ? await AdminAsync() : await GetAsync();
        await using var scope = scopes.CreateAsyncScope();
        // The audit log's one source for page calls: this user, through the page, from the browser's address.
        scope.ServiceProvider.GetRequiredService<AuditContext>()
            .UsePage(user, AuditContext.Address(http.HttpContext?.Connection.RemoteIpAddress) ?? circuit.Value);
        return await call(scope.ServiceProvider.GetRequiredService<TService>(), user);
    }

    public async Task<PortalUser> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true || !(state.User.IsInRole(Contracts.Accounts.PortalRoles.User)
                                                              || state.User.IsInRole(Contracts.Accounts.PortalRoles.Admin)))
            throw new UnauthorizedAccessException("Sign in with an approved account.");
        return PortalUser.From(state.User);
    }

    public async Task<PortalUser> AdminAsync()
    {
        var user = await GetAsync();
        return user.IsAdmin ? user : throw new UnauthorizedAccessException("Only admins can do this.");
    }
}
