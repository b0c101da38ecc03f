namespace Portal.Accounts;

public enum AccountOutcome
{
    Done,
    NotFound,
    Refused,
}
