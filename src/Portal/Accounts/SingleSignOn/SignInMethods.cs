using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>How each account signs in, for /admin/users: "Password", the provider's name, or both.</summary>
public sealed class SignInMethods(PortalDbContext db, IOptions<OidcOptions> oidc, IOptions<LocalAccountsOptions> local)
{
    public const string Password = "Password";
    public const string BreakGlass = "Password (break-glass)";

    /// <returns>Per account id: "Password", the provider's name, or both ("Password, Keycloak").</returns>
    public async Task<IReadOnlyDictionary<string, string>> DescribeAsync(
        IReadOnlyCollection<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var linked = (await db.UserLogins.AsNoTracking()
                .Select(l => new { l.UserId, l.LoginProvider, l.ProviderDisplayName })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.UserId, l => l.LoginProvider == OidcOptions.Scheme ? oidc.Value.DisplayName : l.ProviderDisplayName ?? l.LoginProvider);
        return users.ToDictionary(u => u.Id, u => string.Join(", ", Describe(u, linked[u.Id])));
    }

    private IEnumerable<string> Describe(ApplicationUser user, IEnumerable<string> providers)
    {
        if (user.PasswordHash is not null)
        {
            yield return local.Value.IsBreakGlass(user.Email) ? BreakGlass : Password;
        }
        foreach (var provider in providers.Distinct())
        {
            yield return provider;
        }
    }
}
