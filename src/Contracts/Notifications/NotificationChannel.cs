namespace Portal.Contracts.Notifications;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotificationChannel>))]
public enum NotificationChannel
{
    /// <summary>To the subscriber's account email, through the SMTP server an admin set.</summary>
    Email,

    /// <summary>A signed JSON POST to a URL.</summary>
    Webhook,
}
