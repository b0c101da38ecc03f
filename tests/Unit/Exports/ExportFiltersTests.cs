using Bunit;
using Portal.Client.Exports;
using Portal.Contracts.Exports;
using Portal.Tests.Unit.Support;

namespace Portal.Tests.Unit.Exports;

/// <summary>The editor's filter fields: one pattern a line, checked as typed, the size in units, and what the filters keep.</summary>
public sealed class ExportFiltersTests : ComponentTest
{
    private const long GiB = 1L << 30;

    private static readonly ExportForm Project = new()
    {
        Kind = ExportKind.Project, DominoOwnerName = "alice", DominoProjectName = "model", GroupName = "team", ProjectName = "model",
        ExportFiles = true, S3TargetId = 1,
    };

    [Fact]
    public void Patterns_are_sent_one_a_line_and_the_servers_reason_shows_under_the_field()
    {
        const string Reason = "'data\\raw': use '/' between folders, not '\\'.";
        Exports.Validation = f => f.ExcludePatterns.Contains("data\\raw")
            ? new(new Dictionary<string, string[]> { ["ExcludePatterns"] = [Reason] }, [], [])
            : new(new Dictionary<string, string[]>(), [], []);
        var editor = RenderEditor(Project.Copy());

        editor.Find("[data-field=ExcludePatterns] textarea").Input("**/.ipynb_checkpoints/**\n\n  *.tmp \ndata\\raw\n");

        editor.WaitForAssertion(() => Assert.Equal(Reason, ErrorUnder(editor, "ExcludePatterns")));
        Assert.Equal(["**/.ipynb_checkpoints/**", "*.tmp", "data\\raw"], Exports.Validated.Last().ExcludePatterns);
        Assert.Null(ErrorUnder(editor, "IncludePatterns"));
    }

    [Fact]
    public void Says_how_many_files_and_bytes_of_the_current_commit_the_filters_keep_as_they_change()
    {
        Exports.Preview = f => f.ExcludePatterns.Count == 0
            ? new("c1", 1310, 1310, (long)(2.4 * GiB), (long)(2.4 * GiB))
            : new("c1", 1204, 1310, (long)(2.1 * GiB), (long)(2.4 * GiB));
        var editor = RenderEditor(Project.Copy());
        editor.WaitForAssertion(() => Assert.Equal("Keeps 1,310 of 1,310 files (2.4 GiB of 2.4 GiB)", Preview(editor)));

        editor.Find("[data-field=ExcludePatterns] textarea").Input("*.tmp");

        editor.WaitForAssertion(() => Assert.Equal("Keeps 1,204 of 1,310 files (2.1 GiB of 2.4 GiB)", Preview(editor)));
        Assert.Contains(Exports.Previewed, f => f is { DominoOwnerName: "alice", DominoProjectName: "model", ExcludePatterns: ["*.tmp"] });
    }

    [Fact]
    public void Shows_why_the_files_cannot_be_counted()
    {
        Exports.Preview = _ => new(null, 0, 0, 0, 0, "Store your Domino API key for this deployment to see what the filters keep.");

        var editor = RenderEditor(Project.Copy());

        editor.WaitForAssertion(() => Assert.Equal("Store your Domino API key for this deployment to see what the filters keep.", Preview(editor)));
    }

    [Fact]
    public void The_largest_file_is_typed_in_units_and_sent_in_bytes()
    {
        var editor = RenderEditor(Project.Copy());

        editor.Find("[data-field=MaxFileSize] input").Input("100");

        editor.WaitForAssertion(() => Assert.Equal(100L << 20, Exports.Validated.Last().MaxFileSize));
    }

    [Fact]
    public void A_saved_size_reads_back_in_the_largest_whole_unit()
    {
        var form = Project.Copy();
        form.MaxFileSize = 2 * GiB;
        form.IncludePatterns = ["src/**", "*.ipynb"];

        var editor = RenderEditor(form);

        Assert.Equal("2", editor.Find("[data-field=MaxFileSize] input").GetAttribute("value"));
        Assert.Contains("GiB", editor.Find("[data-testid=size-unit]").OuterHtml);
        Assert.Equal("src/**\n*.ipynb", editor.Find("[data-field=IncludePatterns] textarea").GetAttribute("value"));
    }

    [Fact]
    public void An_export_without_files_has_no_filters()
    {
        var form = Project.Copy();
        form.ExportFiles = false;
        form.ExportImage = true;

        var editor = RenderEditor(form);

        Assert.Empty(editor.FindAll("[data-testid=export-filters]"));
    }

    private IRenderedComponent<ExportEditor> RenderEditor(ExportForm form) =>
        Render<ExportEditor>(p => p
            .Add(e => e.Id, 5)
            .Add(e => e.Initial, form)
            .Add(e => e.Options, Exports.Options)
            .Add(e => e.ValidationDelay, TimeSpan.Zero));

    private static string Preview(IRenderedComponent<ExportEditor> editor) => editor.Find("[data-testid=filter-preview]").TextContent.Trim();

    private static string? ErrorUnder(IRenderedComponent<ExportEditor> editor, string field) =>
        editor.Find($"[data-field={field}]").QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}
