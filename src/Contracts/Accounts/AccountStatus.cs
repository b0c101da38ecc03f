namespace Portal.Contracts.Accounts;

/// <summary>Where an account stands in the admin-approval workflow (the ServiceX model).</summary>
public enum AccountStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Disabled = 3,
}
