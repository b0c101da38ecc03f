using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Health;
using Portal.Runs;

namespace Portal.Tests.Unit.Runs;

/// <summary>"N of total files": a run counts the files its total counts (issue 13: a run that removed a file read "25 of 24").</summary>
public sealed class RunCountsTests
{
    [Fact]
    public async Task Removed_excluded_and_extra_files_are_recorded_but_not_counted_against_the_total()
    {
        using var claim = Claim();
        await using var recorder = new RunRecorder(null!, TimeProvider.System, claim, new DatabaseWrites());
        var files = recorder.For(RunPart.Files);

        await files.FileAsync(new FileRecord("skipped.bin", 10, null, FileOutcome.Excluded, 0, "Excluded: *.bin"), default);
        files.Totals(24, 2400);
        for (var i = 0; i < 23; i++) await files.FileAsync(new FileRecord($"f{i}.txt", 100, "sha", FileOutcome.Transferred, 1), default);
        await files.FileAsync(new FileRecord("broken.txt", 100, null, FileOutcome.Failed, 3, "gone"), default);
        await files.FileAsync(new FileRecord("removed.txt", 0, null, FileOutcome.Deleted, 0), default);

        var counters = recorder.Counters;
        Assert.Equal((24, 24, 1), (counters.FilesTotal, counters.FilesDone, counters.FilesFailed));
    }

    [Fact]
    public async Task A_verify_run_counts_an_extra_object_as_failed_but_not_as_one_of_the_manifests_files()
    {
        using var claim = Claim();
        await using var recorder = new RunRecorder(null!, TimeProvider.System, claim, new DatabaseWrites());
        var files = recorder.For(RunPart.Files);

        files.Totals(2, 200);
        await files.FileAsync(new FileRecord("a.txt", 100, "sha", FileOutcome.Verified, 1), default);
        await files.FileAsync(new FileRecord("b.txt", 100, "sha", FileOutcome.Missing, 1, "missing"), default);
        await files.FileAsync(new FileRecord("stray.txt", 5, null, FileOutcome.Extra, 0, "extra"), default);

        var counters = recorder.Counters;
        Assert.Equal((2, 2, 2), (counters.FilesTotal, counters.FilesDone, counters.FilesFailed));
    }

    /// <summary>A claim the recorder only reads its run id from: the counters need no database.</summary>
    private static RunClaim Claim() => new(null!, TimeProvider.System,
        new RunLeaseTimes(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)), new DatabaseWrites(),
        runId: 7, exportId: 1, generation: 1, claimedTimestamp: 0, claimedAt: DateTimeOffset.UtcNow);
}
