using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Tests.Support;

/// <summary>One request's worth of account services, with shortcuts the tests read well with.</summary>
public sealed class AccountScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public const string Password = "Portal-Test-1";

    public AccountService Accounts => scope.ServiceProvider.GetRequiredService<AccountService>();

    public UserManager<ApplicationUser> Users => scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    public SignInManager<ApplicationUser> SignIn => scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();

    public static AccountScope Of(PortalServices portal) => new(portal.CreateScope());

    /// <summary>A request for this scope, so sign-ins (which write a cookie) work outside a web host.</summary>
    public AccountScope WithRequest()
    {
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext =
            new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return this;
    }

    /// <summary>Any other service of this scope (the single sign-on ones, for instance).</summary>
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async Task<ApplicationUser> RegisterAsync(string email)
    {
        var (result, user) = await Accounts.RegisterAsync(email, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>The user as the database has it now.</summary>
    public async Task<ApplicationUser> ReloadAsync(ApplicationUser user)
    {
        await using var fresh = new AccountScope(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope());
        return (await fresh.Users.FindByIdAsync(user.Id))!;
    }

    public async Task<IList<string>> RolesAsync(ApplicationUser user) => await Users.GetRolesAsync(await ReloadAsync(user));

    public async Task<ClaimsPrincipal> PrincipalAsync(ApplicationUser user) =>
        await SignIn.CreateUserPrincipalAsync(await ReloadAsync(user));

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal principal, string? policy = null)
    {
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        var result = policy is null
            ? await authorization.AuthorizeAsync(principal, null, options.DefaultPolicy)
            : await authorization.AuthorizeAsync(principal, null, policy);
        return result.Succeeded;
    }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
