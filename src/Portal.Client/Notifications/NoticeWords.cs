using Portal.Contracts.Notifications;

namespace Portal.Client.Notifications;

/// <summary>How the notification cards say things.</summary>
internal static class NoticeWords
{
    public static string When(NotifyWhen when) => when switch
    {
        NotifyWhen.Failures => "Failures",
        NotifyWhen.FailuresAndRecovery => "Failures and recovery",
        _ => "Every run",
    };

    public static string State(DeliveryDto d) => d.State switch
    {
        DeliveryState.Sent => d.Attempts > 1 ? $"Sent (try {d.Attempts})" : "Sent",
        DeliveryState.Failed => $"Failed after {d.Attempts} tries",
        _ when d.NextAttemptAt is { } next => $"Retrying at {Time(next)}",
        _ => "Sending",
    };

    public static MudBlazor.Color Color(DeliveryState state) => state switch
    {
        DeliveryState.Sent => MudBlazor.Color.Success,
        DeliveryState.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Warning,
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'");
}
