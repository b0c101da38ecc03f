using Portal.Domain.Domino;
using Portal.Domain.Files;

namespace Portal.Tests.Unit.Domain.Files;

public sealed class FileFilterTests
{
    [Theory]
    [InlineData("*.tmp", "a.tmp", true)]
    [InlineData("*.tmp", "x/y/a.tmp", true)]
    [InlineData("*.tmp", "a.tmpx", false)]
    [InlineData("*.TMP", "a.tmp", false)] // case-sensitive, as Domino paths are
    [InlineData("data/raw/**", "data/raw/a/b.csv", true)]
    [InlineData("data/raw/**", "other/data/raw/b.csv", false)]
    [InlineData("/data/raw", "data/raw/b.csv", true)] // a folder covers what is inside it
    [InlineData("**/.ipynb_checkpoints/**", ".ipynb_checkpoints/a.ipynb", true)]
    [InlineData("**/.ipynb_checkpoints/**", "a/b/.ipynb_checkpoints/c.ipynb", true)]
    [InlineData("node_modules", "web/node_modules/x/y.js", true)]
    public void Globs_match_as_documented(string pattern, string path, bool excluded)
    {
        var filter = new FileFilter([], [pattern], null);

        Assert.Equal(excluded ? $"exclude {pattern}" : null, filter.ExcludedBy(new DominoFile(path, "k", 1)));
    }

    [Fact]
    public void Reports_each_unusable_pattern_and_size()
    {
        var problems = FileFilter.Problems(["ok/**", "a\\b"], ["../up", " "], 0);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("not '\\'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'..'", StringComparison.Ordinal));
        Assert.Contains("A pattern is empty.", problems);
        Assert.Contains("The maximum file size must be a positive number of bytes.", problems);
        Assert.Empty(FileFilter.Problems(["*.py"], ["data/raw/**"], 1));
    }

    [Fact]
    public void No_filter_keeps_the_fingerprint_exports_had_before_filters()
    {
        var target = new Portal.Domain.S3.S3Target("b");

        Assert.Equal(FileExportState.FingerprintOf(target, "g", "p"), FileExportState.FingerprintOf(target, "g", "p", FileFilter.None));
        Assert.NotEqual(FileExportState.FingerprintOf(target, "g", "p"),
            FileExportState.FingerprintOf(target, "g", "p", new FileFilter([], ["*.tmp"], null)));
    }
}
