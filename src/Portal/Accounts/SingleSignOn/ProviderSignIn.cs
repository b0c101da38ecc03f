using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Notifications;

namespace Portal.Accounts.SingleSignOn;

/// <summary>The portal account a provider account signs in as, or why there is none (shown on the sign-in page as is).</summary>
public sealed record ProviderSignInResult(ApplicationUser? User, string? Refusal)
{
    public static ProviderSignInResult Refused(string message) => new(null, message);
}

/// <summary>
/// Links a provider account to a portal account: by the provider's subject once linked; on the first sign-in by a
/// verified email (an existing account), or else by creating an account under the approval rule. The link is
/// Identity's own external login (AspNetUserLogins). Then the groups have their say (<see cref="GroupRules"/>).
/// </summary>
public sealed class ProviderSignIn(
    UserManager<ApplicationUser> users,
    AccountService accounts,
    GroupRules groups,
    PortalDbContext db,
    IAccountNotifications notifications,
    IOptions<OidcOptions> oidc,
    IOptions<LocalAccountsOptions> local,
    ILogger<ProviderSignIn> logger)
{
    public async Task<ProviderSignInResult> SignInAsync(ProviderAccount account)
    {
        var user = await users.FindByLoginAsync(OidcOptions.Scheme, account.Subject);
        var created = false;
        if (user is null)
        {
            var found = await LinkOrCreateAsync(account);
            if (found.User is null)
            {
                return ProviderSignInResult.Refused(found.Refusal!);
            }
            (user, created) = (found.User, found.Created);
        }
        await groups.ApplyAsync(user, account.Groups);
        if (created)
        {
            // After the groups: the sign-up notice says whether the account waits for approval.
            notifications.SignedUp(user);
        }
        return new ProviderSignInResult(user, null);
    }

    private sealed record Found(ApplicationUser? User, bool Created, string? Refusal)
    {
        public static Found Refused(string message) => new(null, false, message);
    }

    private async Task<Found> LinkOrCreateAsync(ProviderAccount account)
    {
        var name = oidc.Value.DisplayName;
        if (account.Email is null)
        {
            return Found.Refused(
                $"{name} did not send an email address for this account, and the portal needs one. Ask its administrator to release the email claim (scope \"email\").");
        }

        var existing = await users.FindByEmailAsync(account.Email);
        if (existing is not null)
        {
            return await LinkAsync(existing, account);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = accounts.NewUser(account.Email, emailConfirmed: account.EmailVerified);
        var result = await accounts.CreateAsync(user, password: null, emailTrusted: account.EmailVerified);
        if (result.Succeeded)
        {
            result = await users.AddLoginAsync(user, Login(account));
        }
        if (!result.Succeeded)
        {
            // Another sign-in of the same person may have won the race; nothing of this one is kept.
            return Found.Refused($"The account could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        await transaction.CommitAsync();
        logger.LogInformation("{Email} signed in with {Provider} for the first time; a new account was created.", account.Email, name);
        return new Found(user, Created: true, null);
    }

    private async Task<Found> LinkAsync(ApplicationUser existing, ProviderAccount account)
    {
        var name = oidc.Value.DisplayName;
        if (!account.EmailVerified)
        {
            logger.LogWarning("Not linking {Provider} subject {Subject} to {Email}: the provider does not say the email is verified.", name, account.Subject, account.Email);
            return Found.Refused(
                $"An account with the email {account.Email} already exists, but {name} does not confirm that this address is yours, so the two were not linked. " +
                $"Sign in with your password, or ask {name}'s administrator to verify your email address.");
        }
        if (local.Value.IsBreakGlass(existing.Email))
        {
            return Found.Refused(
                $"{account.Email} is the portal's break-glass administrator, which signs in with its password only, so it is not linked to {name}.");
        }
        if ((await users.GetLoginsAsync(existing)).Any(l => l.LoginProvider == OidcOptions.Scheme))
        {
            return Found.Refused(
                $"The account {account.Email} is already linked to another {name} account. Sign in with that one, or ask an administrator.");
        }
        var result = await users.AddLoginAsync(existing, Login(account));
        if (!result.Succeeded)
        {
            return Found.Refused($"The accounts could not be linked: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        logger.LogInformation("{Email} signed in with {Provider} for the first time and was linked to the existing account (verified email).", account.Email, name);
        return new Found(existing, Created: false, null);
    }

    private UserLoginInfo Login(ProviderAccount account) => new(OidcOptions.Scheme, account.Subject, oidc.Value.DisplayName);
}
