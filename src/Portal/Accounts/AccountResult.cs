namespace Portal.Accounts;

/// <summary>What became of an admin's action; <see cref="Message"/> is shown to the admin as is.</summary>
public sealed record AccountResult(AccountOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == AccountOutcome.Done;

    public static AccountResult Done(string message) => new(AccountOutcome.Done, message);

    public static AccountResult NotFound(string userId) => new(AccountOutcome.NotFound, $"There is no account with id '{userId}'.");

    public static AccountResult Refused(string message) => new(AccountOutcome.Refused, message);
}
