namespace Portal.Contracts.Accounts;

/// <summary>Where an account stands in the admin-approval workflow (the ServiceX model).</summary>
// Names on the wire (numbers are still read): what the OpenAPI document shows and what callers type.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AccountStatus>))]
public enum AccountStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Disabled = 3,
}
