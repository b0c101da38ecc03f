namespace Portal.Contracts.Accounts;

public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string User = "User";
}
