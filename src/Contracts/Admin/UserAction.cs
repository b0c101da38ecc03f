namespace Portal.Contracts.Admin;

/// <summary>What an admin can do to an account; the lower-case name is the API path segment.</summary>
public enum UserAction
{
    Approve,
    Reject,
    Disable,
    Enable,
    GrantAdmin,
    RevokeAdmin,
}
