using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Domain.Runs;
using Portal.Exports;
using Portal.Runs;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Runs;

/// <summary>
/// Filters stored on an export and dry runs, through the portal on the real S3 server: what a run leaves out and how it
/// records it, and a dry run that writes nothing and lists exactly what the next run then does.
/// </summary>
public sealed class DryRunTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    private static TestFile Text(string path, string text) => new(path, TestContent.FromText(text));

    [Fact]
    public async Task An_exports_filters_leave_files_out_record_each_with_its_rule_and_a_changed_filter_exports_again()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false, content:
        [
            Text("README.md", "read me"), Text("data/clean.csv", "1,2"), Text("data/raw/rows.csv", "3,4"), Text("scratch.tmp", "x"),
            Text("nb/.ipynb_checkpoints/a-checkpoint.ipynb", "{}"), new TestFile("model.bin", TestContent.Generated(3000, seed: 3)),
        ]);
        await SetFilterAsync(scenario, [], ["**/.ipynb_checkpoints/**", "*.tmp", "data/raw/**"], 2048);

        var filtered = await scenario.RunNowAsync();

        Assert.True(filtered.Status == StatusCode.Completed, filtered.Message);
        Assert.Equal(["README.md", "data/clean.csv"], (await LatestAsync(scenario)).Order(StringComparer.Ordinal));
        var excluded = filtered.Files.Where(f => f.Outcome == FileOutcome.Excluded).ToDictionary(f => f.Path, f => f.Error);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["data/raw/rows.csv"] = "Excluded: exclude data/raw/**",
            ["scratch.tmp"] = "Excluded: exclude *.tmp",
            ["nb/.ipynb_checkpoints/a-checkpoint.ipynb"] = "Excluded: exclude **/.ipynb_checkpoints/**",
            ["model.bin"] = "Excluded: larger than the maximum of 2048 bytes",
        }, excluded);
        Assert.Equal(3000, filtered.Files.Single(f => f.Path == "model.bin").Size);
        Assert.Equal(StatusCode.Skipped, (await scenario.RunNowAsync()).Status);
        Assert.False((await DetailsAsync(scenario)).FilesSettingsChanged);

        await SetFilterAsync(scenario, [], ["*.tmp"], null);

        Assert.True((await DetailsAsync(scenario)).FilesSettingsChanged); // no longer "Up to date"
        var widened = await scenario.RunNowAsync();
        Assert.True(widened.Status == StatusCode.Completed, widened.Message); // the same commit, exported again
        Assert.Equal(["README.md", "data/clean.csv", "data/raw/rows.csv", "model.bin", "nb/.ipynb_checkpoints/a-checkpoint.ipynb"],
            (await LatestAsync(scenario)).Order(StringComparer.Ordinal));
        Assert.Equal(3, widened.Files.Count(f => f.Outcome == FileOutcome.Transferred));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_changes_nothing_on_the_export_and_lists_what_the_next_run_does()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false, content:
        [
            Text("README.md", "first"), new TestFile("data/rows.csv", TestContent.Generated(300_000, seed: 9)), Text("notes.tmp", "scratch"),
            Text("old.txt", "going"),
        ]);
        var first = await scenario.RunNowAsync();
        Assert.True(first.Status == StatusCode.Completed, first.Message);
        scenario.Project.Change([Text("README.md", "second"), Text("new.txt", "new"), new TestFile("big.bin", TestContent.Generated(500_000, seed: 4))],
            ["old.txt"]);
        await SetFilterAsync(scenario, [], ["*.tmp"], 400_000);
        var bucket = await Fixture.S3.FingerprintAsync(PortalExportsFixture.Bucket, "");
        var export = await Host.ExportRecordAsync(scenario.ExportId);

        var dry = await DryRunAsync(scenario);

        Assert.True(dry.Status == StatusCode.Completed, dry.Message);
        Assert.Equal(RunKind.DryRun, dry.Kind);
        Assert.Contains("2 would be transferred", dry.Message);
        Assert.Contains("Nothing was written", dry.Message);
        Assert.Equal(0, dry.BytesDone);
        Assert.Equal(bucket, await Fixture.S3.FingerprintAsync(PortalExportsFixture.Bucket, ""));
        var after = await Host.ExportRecordAsync(scenario.ExportId);
        Assert.Equal((export.FilesCommitId, export.FilesFingerprint, export.LastRunId, export.LastStatus, export.LastRunAt),
            (after.FilesCommitId, after.FilesFingerprint, after.LastRunId, after.LastStatus, after.LastRunAt));
        Assert.Null(after.ActiveRunId);

        var real = await scenario.RunNowAsync();

        Assert.True(real.Status == StatusCode.Completed, real.Message);
        Assert.Equal(Plan(real), Plan(dry));
        Assert.Equal(Ordered(
        [
            ("README.md", FileOutcome.Transferred, 6L), ("big.bin", FileOutcome.Excluded, 500_000L), ("data/rows.csv", FileOutcome.Unchanged, 300_000L),
            ("new.txt", FileOutcome.Transferred, 3L), ("notes.tmp", FileOutcome.Deleted, 7L), ("notes.tmp", FileOutcome.Excluded, 7L),
            ("old.txt", FileOutcome.Deleted, 5L),
        ]), Plan(dry));
        var details = await Host.WithAsync<RunService, RunDetails?>(s => s.GetAsync(scenario.User, dry.Id, default));
        Assert.Equal("DryRun", details!.Summary.Kind);
        Assert.Contains(new RunFileTotal("Transferred", 2, 9), details.FileTotals);

        var nothingLeft = await DryRunAsync(scenario);

        Assert.Equal(StatusCode.Skipped, nothingLeft.Status); // as the next run would
        Assert.Empty(nothingLeft.Files);
        Assert.Equal(real.Id, (await Host.ExportRecordAsync(scenario.ExportId)).LastRunId);
    }

    private static List<(string Path, FileOutcome Outcome, long Size)> Plan(Run run) => Ordered(run.Files.Select(f => (f.Path, f.Outcome, f.Size)));

    private static List<(string Path, FileOutcome Outcome, long Size)> Ordered(IEnumerable<(string Path, FileOutcome Outcome, long Size)> files) =>
        [.. files.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Outcome)];

    private async Task<Run> DryRunAsync(RunScenario scenario)
    {
        var started = await Host.WithAsync<ExportActions, RunStarted>(s => s.DryRunAsync(scenario.User, scenario.ExportId, RunTrigger.Manual, default));
        Assert.True(started.Succeeded, started.Message);
        await Host.RunAsync(started.RunId!.Value);
        return await Host.RunRecordAsync(started.RunId.Value);
    }

    /// <summary>Changes the export's filter as the editor does: the stored form, changed, saved through the same checks.</summary>
    private async Task SetFilterAsync(RunScenario scenario, string[] include, string[] exclude, long? maxFileSize)
    {
        var form = (await DetailsAsync(scenario)).Form;
        form.IncludePatterns = include;
        form.ExcludePatterns = exclude;
        form.MaxFileSize = maxFileSize;
        var saved = await Host.WithAsync<ExportForms, Portal.Contracts.Shared.SaveResult>(s => s.SaveAsync(scenario.User, scenario.ExportId, form, default));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
    }

    private async Task<ExportDetails> DetailsAsync(RunScenario scenario) =>
        (await Host.WithAsync<ExportReader, ExportDetails?>(r => r.GetAsync(scenario.User, scenario.ExportId, default)))!;

    private async Task<IEnumerable<string>> LatestAsync(RunScenario scenario) =>
        (await Fixture.S3.ListETagsAsync(PortalExportsFixture.Bucket, scenario.S3Prefix + "latest/")).Keys;
}
