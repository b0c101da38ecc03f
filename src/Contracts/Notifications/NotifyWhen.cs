namespace Portal.Contracts.Notifications;

/// <summary>What a subscription hears about (docs/notifications.md).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotifyWhen>))]
public enum NotifyWhen
{
    /// <summary>The first failure of a streak, then a reminder at most every <c>Notifications:RepeatAfter</c>.</summary>
    Failures,

    /// <summary>As <see cref="Failures"/>, and the first success after a failure.</summary>
    FailuresAndRecovery,

    /// <summary>Every finished run, failed or not.</summary>
    EveryRun,
}
