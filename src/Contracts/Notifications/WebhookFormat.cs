namespace Portal.Contracts.Notifications;

/// <summary>The body a webhook gets: the portal's own JSON, or what Slack's or Teams' incoming webhooks take.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WebhookFormat>))]
public enum WebhookFormat
{
    Json,
    Slack,
    Teams,
}
