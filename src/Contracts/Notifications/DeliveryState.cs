namespace Portal.Contracts.Notifications;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    /// <summary>Not sent yet: waiting for its first try, or for the next after a failed one.</summary>
    Pending,
    Sent,

    /// <summary>Every try failed; no more are made.</summary>
    Failed,
}
