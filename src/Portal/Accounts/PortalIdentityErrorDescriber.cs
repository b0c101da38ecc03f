using Microsoft.AspNetCore.Identity;

namespace Portal.Accounts;

/// <summary>
/// The user name is the email, so both duplicate errors say the same plain thing; the password rules name the field
/// and say what to add, in the words the form shows under it before anyone fails them (PasswordRules).
/// </summary>
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

    public override IdentityError PasswordTooShort(int length) =>
        Password(nameof(PasswordTooShort), $"use at least {length} characters.");

    public override IdentityError PasswordRequiresDigit() => Password(nameof(PasswordRequiresDigit), "include at least one digit (0-9).");

    public override IdentityError PasswordRequiresLower() => Password(nameof(PasswordRequiresLower), "include at least one lower-case letter (a-z).");

    public override IdentityError PasswordRequiresUpper() => Password(nameof(PasswordRequiresUpper), "include at least one upper-case letter (A-Z).");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Password(nameof(PasswordRequiresNonAlphanumeric), "include at least one symbol, such as ! or -.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Password(nameof(PasswordRequiresUniqueChars), $"use at least {uniqueChars} different characters.");

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "Current password: this is not your current password.",
    };

    private static IdentityError Password(string code, string rule) => new() { Code = code, Description = $"Password: {rule}" };
}
