using Microsoft.Extensions.Time.Testing;
using Portal.Contracts.Notifications;
using Portal.Contracts.Runs;
using Portal.Notifications;

namespace Portal.Tests.Unit.Notifications;

/// <summary>The decision rules, run after run as the planner applies them (a streak's last notice, the previous outcome).</summary>
public sealed class NoticeRulesTests
{
    private static readonly TimeSpan RepeatAfter = TimeSpan.FromHours(24);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_failure_repeating_run_after_run_is_told_once_then_reminded_after_RepeatAfter()
    {
        var export = new ExportHistory(NotifyWhen.Failures, _time);

        var told = new[] { export.Run(RunOutcome.Failed), export.Run(RunOutcome.Failed, after: TimeSpan.FromHours(1)),
            export.Run(RunOutcome.Failed, after: TimeSpan.FromHours(22)) };
        var justBefore = export.Run(RunOutcome.Failed, after: TimeSpan.FromMinutes(59));
        var reminder = export.Run(RunOutcome.Failed, after: TimeSpan.FromMinutes(1));
        var afterReminder = export.Run(RunOutcome.Failed, after: TimeSpan.FromHours(23));

        Assert.Equal([NoticeKind.Failure, null, null], told);
        Assert.Null(justBefore);
        Assert.Equal(NoticeKind.Reminder, reminder);
        Assert.Null(afterReminder);
    }

    [Fact]
    public void Failures_only_says_nothing_on_recovery_and_a_new_streak_is_told_again()
    {
        var export = new ExportHistory(NotifyWhen.Failures, _time);

        Assert.Equal(NoticeKind.Failure, export.Run(RunOutcome.Failed));
        Assert.Null(export.Run(RunOutcome.Succeeded));
        Assert.Null(export.Run(RunOutcome.Succeeded));
        Assert.Equal(NoticeKind.Failure, export.Run(RunOutcome.Failed, after: TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Failures_and_recovery_tells_the_first_success_after_a_failure_only()
    {
        var export = new ExportHistory(NotifyWhen.FailuresAndRecovery, _time);

        Assert.Null(export.Run(RunOutcome.Succeeded));
        Assert.Equal(NoticeKind.Failure, export.Run(RunOutcome.Failed));
        Assert.Null(export.Run(RunOutcome.Failed));
        Assert.Equal(NoticeKind.Recovery, export.Run(RunOutcome.Skipped));
        Assert.Null(export.Run(RunOutcome.Succeeded));
    }

    [Fact]
    public void A_cancelled_run_neither_breaks_a_streak_nor_counts_as_the_recovery()
    {
        var export = new ExportHistory(NotifyWhen.FailuresAndRecovery, _time);

        Assert.Equal(NoticeKind.Failure, export.Run(RunOutcome.Failed));
        Assert.Null(export.Run(RunOutcome.Cancelled));
        Assert.Null(export.Run(RunOutcome.Failed));
        Assert.Null(export.Run(RunOutcome.Cancelled));
        Assert.Equal(NoticeKind.Recovery, export.Run(RunOutcome.Succeeded));
    }

    [Fact]
    public void Every_run_tells_each_failure_and_each_success()
    {
        var export = new ExportHistory(NotifyWhen.EveryRun, _time);

        Assert.Equal([NoticeKind.Finished, NoticeKind.Failure, NoticeKind.Failure, NoticeKind.Recovery, NoticeKind.Finished, NoticeKind.Finished],
            [export.Run(RunOutcome.Succeeded), export.Run(RunOutcome.Failed), export.Run(RunOutcome.Failed), export.Run(RunOutcome.Succeeded),
             export.Run(RunOutcome.Skipped), export.Run(RunOutcome.Cancelled)]);
    }

    /// <summary>One export's runs seen by one subscription: what the planner reads from the run history and the deliveries.</summary>
    private sealed class ExportHistory(NotifyWhen when, FakeTimeProvider time)
    {
        private RunOutcome? _previous;
        private DateTimeOffset? _lastNotice;

        public NoticeKind? Run(RunOutcome outcome, TimeSpan? after = null)
        {
            time.Advance(after ?? TimeSpan.FromMinutes(10));
            var kind = NoticeRules.Decide(when, new NoticeFacts(outcome, _previous == RunOutcome.Failed, _lastNotice), time.GetUtcNow(), RepeatAfter);
            if (outcome == RunOutcome.Cancelled) return kind;
            if (outcome != RunOutcome.Failed) _lastNotice = null;
            else if (kind is NoticeKind.Failure or NoticeKind.Reminder) _lastNotice = time.GetUtcNow();
            _previous = outcome;
            return kind;
        }
    }
}
