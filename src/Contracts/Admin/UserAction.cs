namespace Portal.Contracts.Admin;

/// <summary>What an admin can do to an account; the lower-case name is the API path segment.</summary>
// Names on the wire (numbers are still read): what the OpenAPI document shows and what callers type.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UserAction>))]
public enum UserAction
{
    Approve,
    Reject,
    Disable,
    Enable,
    GrantAdmin,
    RevokeAdmin,
}
