using Portal.Contracts.Runs;
using Portal.Domain.Files;
using Portal.Domain.Runs;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Domain.Files;

/// <summary>Filters on the real S3 server: what a run leaves out, how it records it, and what a changed filter does to latest.</summary>
public sealed class FileFilterExportTests(FileExportFixture fx) : IClassFixture<FileExportFixture>
{
    private static TestFile Text(string path, string text) => new(path, TestContent.FromText(text));

    private static readonly FileFilter Filter = new([], ["**/.ipynb_checkpoints/**", "*.tmp", "data/raw/**"], MaxFileSize: 1000);

    private static TestCommit Commit(TestProject project) => project.Commit(
        Text("train.py", "fit()"), Text("notes.tmp", "scratch"), Text("sub/deep/more.tmp", "scratch"),
        Text("nb/.ipynb_checkpoints/a-checkpoint.ipynb", "{}"), Text("data/raw/rows.csv", "1,2"), Text("data/clean.csv", "3,4"),
        new TestFile("model.bin", TestContent.Generated(1001, seed: 5)), new TestFile("small.bin", TestContent.Generated(1000, seed: 6)));

    [Fact]
    public async Task Leaves_out_what_the_globs_and_the_size_exclude_and_records_each_file_with_its_rule()
    {
        var (user, project, name) = fx.NewProject("filtered");
        Commit(project);
        var progress = new RecordingProgress();
        var request = fx.Request(user, project, name) with { Filter = Filter };

        var result = await fx.ExportAsync(request, progress);

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        Assert.Equal((3, 5), (result.Counts.FilesTotal, result.Counts.FilesExcluded));
        var stored = await fx.S3.ReadTreeAsync(FileExportFixture.Bucket, request.Layout.LatestPrefix);
        Assert.Equal(["data/clean.csv", "small.bin", "train.py"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["data/clean.csv", "small.bin", "train.py"], (await fx.ReadManifestAsync(request.Layout.LatestManifest))!.Files.Select(f => f.Path));
        Assert.Equal("Excluded: exclude *.tmp", progress.File("notes.tmp").Error);
        Assert.Equal("Excluded: exclude *.tmp", progress.File("sub/deep/more.tmp").Error);
        Assert.Equal("Excluded: exclude **/.ipynb_checkpoints/**", progress.File("nb/.ipynb_checkpoints/a-checkpoint.ipynb").Error);
        Assert.Equal("Excluded: exclude data/raw/**", progress.File("data/raw/rows.csv").Error);
        Assert.Equal("Excluded: larger than the maximum of 1000 bytes", progress.File("model.bin").Error);
        Assert.Equal(5, progress.Files.Count(f => f.Outcome == FileOutcome.Excluded));
    }

    [Fact]
    public async Task A_filter_added_later_exports_the_same_commit_again_and_removes_what_it_now_excludes()
    {
        var (user, project, name) = fx.NewProject("filter added");
        var head = Commit(project);
        var unfiltered = await fx.ExportAsync(fx.Request(user, project, name));
        Assert.Equal(StatusCode.Completed, unfiltered.Status);
        var request = fx.Request(user, project, name, unfiltered.NewState) with { Filter = Filter };

        var filtered = await fx.ExportAsync(request);

        Assert.True(filtered.Status == StatusCode.Completed, filtered.Message); // not Skipped: the filter is part of the settings
        Assert.Equal(5, filtered.Counts.FilesDeleted);
        Assert.Equal(0, filtered.Counts.FilesTransferred); // the kept files were already there
        var stored = await fx.S3.ReadTreeAsync(FileExportFixture.Bucket, request.Layout.LatestPrefix);
        Assert.Equal(["data/clean.csv", "small.bin", "train.py"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(head.Id, filtered.CommitId);
        var again = await fx.ExportAsync(fx.Request(user, project, name, filtered.NewState) with { Filter = Filter });
        Assert.Equal(StatusCode.Skipped, again.Status);
    }

    [Fact]
    public async Task Include_patterns_keep_only_what_they_match()
    {
        var (user, project, name) = fx.NewProject("included");
        Commit(project);
        var progress = new RecordingProgress();
        var request = fx.Request(user, project, name) with { Filter = new FileFilter(["*.py", "data/**"], ["data/raw/**"], null) };

        var result = await fx.ExportAsync(request, progress);

        Assert.True(result.Status == StatusCode.Completed, result.Message);
        var stored = await fx.S3.ReadTreeAsync(FileExportFixture.Bucket, request.Layout.LatestPrefix);
        Assert.Equal(["data/clean.csv", "train.py"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Excluded: matches no include pattern (*.py, data/**)", progress.File("small.bin").Error);
        Assert.Equal("Excluded: exclude data/raw/**", progress.File("data/raw/rows.csv").Error);
    }
}
