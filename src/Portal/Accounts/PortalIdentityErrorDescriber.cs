using Microsoft.AspNetCore.Identity;

namespace Portal.Accounts;

/// <summary>The user name is the email, so both duplicate errors say the same plain thing.</summary>
internal sealed class PortalIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => DuplicateEmail(userName);

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = $"An account with the email '{email}' already exists. Sign in instead.",
    };

    public override IdentityError InvalidEmail(string? email) => new()
    {
        Code = nameof(InvalidEmail),
        Description = $"'{email}' is not a valid email address.",
    };
}
