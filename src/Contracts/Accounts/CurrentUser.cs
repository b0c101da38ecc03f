namespace Portal.Contracts.Accounts;

public sealed record CurrentUser(string Email, string[] Roles);
