namespace Portal.Client.Accounts;

public sealed record CurrentUser(string Email, string[] Roles);
