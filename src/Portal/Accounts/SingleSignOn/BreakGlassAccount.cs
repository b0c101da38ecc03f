using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// Creates the break-glass admin at start-up from <c>Authentication:BreakGlassAdmin</c> and
/// <c>Authentication:BreakGlassPassword</c> when no account has that email yet, so a portal that starts with local
/// accounts off still has its way in. An existing account is left alone (its password may have changed since).
/// </summary>
public sealed class BreakGlassAccount(IServiceScopeFactory scopes, IOptions<LocalAccountsOptions> options, ILogger<BreakGlassAccount> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (email, password) = (options.Value.BreakGlassAdmin?.Trim(), options.Value.BreakGlassPassword);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        IdentityResult result;
        try
        {
            result = await accounts.CreateAsync(accounts.NewUser(email, emailConfirmed: true), password, emailTrusted: true, asAdmin: true);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            logger.LogInformation("The break-glass admin {Email} was created by another node meanwhile.", email);
            return;
        }
        if (result.Succeeded)
        {
            logger.LogInformation("Created the break-glass admin {Email}.", email);
        }
        else if (result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
        {
            // A password the rules refuse: say so and do not start, as for any other wrong setting.
            throw new InvalidOperationException(
                $"Authentication:BreakGlassPassword: the break-glass admin could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
