using Portal.Contracts.Runs;

namespace Portal.Tests.Unit.Contracts;

public sealed class StatusMeaningTests
{
    public static TheoryData<StatusCode> EveryCode() => [.. Enum.GetValues<StatusCode>()];

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Every_code_is_exactly_one_of_never_run_queued_running_or_finished(StatusCode code)
    {
        var states = new[] { code == StatusCode.None, code.IsQueued(), code.IsRunning(), code.IsFinished() };

        Assert.Equal(1, states.Count(s => s));
    }

    [Theory]
    [InlineData(StatusCode.Initializing)]
    [InlineData(StatusCode.Running)]
    [InlineData(StatusCode.ProjectFileTansferToS3Started)]
    [InlineData(StatusCode.DockerExportImagePushEnded)]
    public void A_run_that_took_its_export_or_reached_a_stage_is_running(StatusCode code)
    {
        Assert.True(code.IsRunning());
        Assert.Equal("Running", ((StatusCode?)code).Label());
        Assert.Equal(StatusTone.Active, ((StatusCode?)code).Tone());
    }

    [Fact]
    public void A_queued_run_is_neither_running_nor_finished()
    {
        Assert.True(StatusCode.Scheduled.IsQueued());
        Assert.False(StatusCode.Scheduled.IsRunning());
        Assert.False(StatusCode.Scheduled.IsFinished());
        Assert.Equal("Queued", ((StatusCode?)StatusCode.Scheduled).Label());
    }

    [Theory]
    [InlineData(StatusCode.Completed, RunOutcome.Succeeded, "Succeeded", StatusTone.Success)]
    [InlineData(StatusCode.Skipped, RunOutcome.Skipped, "Skipped", StatusTone.Skipped)]
    [InlineData(StatusCode.ExecutionScheduleTimeout, RunOutcome.Skipped, "Skipped", StatusTone.Skipped)]
    [InlineData(StatusCode.Disabled, RunOutcome.Skipped, "Disabled", StatusTone.Neutral)]
    [InlineData(StatusCode.ExecutionCancelled, RunOutcome.Cancelled, "Cancelled", StatusTone.Warning)]
    [InlineData(StatusCode.ExecutionNotComplete, RunOutcome.Failed, "Failed", StatusTone.Error)]
    [InlineData(StatusCode.S3VerificationFailed, RunOutcome.Failed, "Failed", StatusTone.Error)]
    [InlineData(StatusCode.UnknownError, RunOutcome.Failed, "Failed", StatusTone.Error)]
    public void A_finished_run_has_one_outcome_word_and_tone(StatusCode code, RunOutcome outcome, string label, StatusTone tone)
    {
        Assert.True(code.IsFinished());
        Assert.Equal(outcome, code.Outcome());
        Assert.Equal(label, ((StatusCode?)code).Label());
        Assert.Equal(tone, ((StatusCode?)code).Tone());
    }

    [Fact]
    public void Errors_are_the_codes_up_to_199()
    {
        var errors = Enum.GetValues<StatusCode>().Where(c => c.IsError()).ToList();

        Assert.All(errors, c => Assert.InRange((int)c, 1, 199));
        Assert.Equal(Enum.GetValues<StatusCode>().Count(c => (int)c is > 0 and <= 199), errors.Count);
        Assert.Equal(199, (int)StatusMeaning.LastError);
    }

    [Fact]
    public void A_status_never_recorded_reads_never_run()
    {
        Assert.Equal("Never run", ((StatusCode?)null).Label());
        Assert.Equal("Never run", ((StatusCode?)StatusCode.None).Label());
        Assert.Equal(StatusTone.Neutral, ((StatusCode?)null).Tone());
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void The_run_summary_the_browser_reads_agrees_with_the_engine(StatusCode code)
    {
        var summary = new RunSummary { Id = 1, ExportId = 1, Number = 1, Trigger = "Manual", Status = (int)code, StatusName = code.Name() };

        Assert.Equal(code.IsRunning(), summary.IsRunning);
        Assert.Equal(code.IsQueued(), summary.IsQueued);
        Assert.Equal(code.IsError(), summary.IsError);
    }
}
