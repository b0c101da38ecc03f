namespace Portal.Accounts;

/// <summary>
/// The account forms' validation messages. Each names the field as the form labels it ({0} is the field's display
/// name) and says what to type, instead of the framework's "The X field is required."
/// </summary>
internal static class AccountMessages
{
    public const string EmailRequired = "{0}: enter your email address, e.g. alice@example.com.";
    public const string EmailFormat = "{0}: this is not a valid e-mail address; use the form alice@example.com.";
    public const string PasswordRequired = "{0}: enter a password.";
    public const string PasswordLength = "{0}: use at least {2} characters (at most {1}).";
    public const string PasswordsDiffer = "{0}: type the same password again; the two do not match.";
}
