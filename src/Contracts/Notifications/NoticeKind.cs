namespace Portal.Contracts.Notifications;

/// <summary>What one message says about a run.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    /// <summary>The first failure since the export last succeeded.</summary>
    Failure,

    /// <summary>The export still fails, <c>Notifications:RepeatAfter</c> after the last message about it.</summary>
    Reminder,

    /// <summary>The first success after a failure.</summary>
    Recovery,

    /// <summary>Any other finished run (subscriptions to every run).</summary>
    Finished,
}
