using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;

namespace Portal.Notifications;

/// <summary>
/// Whether a finished run is worth a message to one subscription, and which (docs/notifications.md). A failure
/// repeating run after run is told once; then a reminder at most every <c>Notifications:RepeatAfter</c> until the
/// export succeeds again. Cancelled runs are neither failures nor successes.
/// </summary>
/// <param name="PreviousFailed">The export's last finished, not cancelled run before this one failed.</param>
/// <param name="LastNoticeAt">When this subscription was last told of this failure streak (null: not yet).</param>
public sealed record NoticeFacts(RunOutcome Outcome, bool PreviousFailed, DateTimeOffset? LastNoticeAt);

public static class NoticeRules
{
    public static NoticeKind? Decide(NotifyWhen when, NoticeFacts facts, DateTimeOffset now, TimeSpan repeatAfter)
    {
        if (facts.Outcome == RunOutcome.Failed)
        {
            if (when == NotifyWhen.EveryRun || facts.LastNoticeAt is null) return NoticeKind.Failure;
            return now - facts.LastNoticeAt.Value >= repeatAfter ? NoticeKind.Reminder : null;
        }
        var succeeded = facts.Outcome is RunOutcome.Succeeded or RunOutcome.Skipped;
        if (succeeded && facts.PreviousFailed && when != NotifyWhen.Failures) return NoticeKind.Recovery;
        return when == NotifyWhen.EveryRun ? NoticeKind.Finished : null;
    }
}
