using AngleSharp.Dom;
using Bunit;
using Portal.Client.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;
using Portal.Contracts.Exports;

namespace Portal.Tests.Unit.Exports;

public sealed class ExportEditorTests : ComponentTest
{
    private const string GroupRule =
        "Export Group Name is invalid: name components may contain lowercase letters, digits and separators. A separator is defined as a period, one or two underscores, or one or more dashes. A name component may not start or end with a separator.";
    private const string ProjectRule =
        "Export Project Name is invalid: name components may contain lowercase letters, digits and separators. A separator is defined as a period, one or two underscores, or one or more dashes. A name component may not start or end with a separator.";
    private const string NameConflict =
        "Specified Export Group Name and Project Name are already being exported as part of another export job";
    private const string ProjectConflict =
        "Specified Domino Username and Project are already being exported as part of another export job";

    [Fact]
    public void Shows_the_naming_rule_136_under_the_group_name_once_it_was_typed()
    {
        Exports.Validation = f => Errors(f.GroupName == "Bad Name!" ? ("GroupName", GroupRule) : default);
        var editor = RenderEditor();

        Type(editor, "GroupName", "Bad Name!");

        editor.WaitForAssertion(() => Assert.Equal(GroupRule, ErrorUnder(editor, "GroupName")));
        Assert.Null(ErrorUnder(editor, "ProjectName"));
    }

    [Fact]
    public void Shows_the_naming_rule_137_under_the_project_name()
    {
        Exports.Validation = f => Errors(f.ProjectName.StartsWith('-') ? ("ProjectName", ProjectRule) : default);
        var editor = RenderEditor();

        Type(editor, "ProjectName", "-model");

        editor.WaitForAssertion(() => Assert.Equal(ProjectRule, ErrorUnder(editor, "ProjectName")));
        Assert.Null(ErrorUnder(editor, "GroupName"));
    }

    [Fact]
    public void Shows_the_name_conflict_133_under_the_export_project_name_and_the_project_conflict_134_under_the_domino_project()
    {
        Exports.Validation = _ => Errors(("ProjectName", NameConflict), ("DominoProjectName", ProjectConflict));
        var editor = RenderEditor(id: 5, new ExportForm { DominoOwnerName = "alice", DominoProjectName = "model", GroupName = "team", ProjectName = "model" });

        editor.WaitForAssertion(() =>
        {
            Assert.Equal(NameConflict, ErrorUnder(editor, "ProjectName"));
            Assert.Equal(ProjectConflict, ErrorUnder(editor, "DominoProjectName"));
        });
        Assert.Null(ErrorUnder(editor, "GroupName"));
    }

    [Fact]
    public void Shows_a_cron_error_under_the_cron_expression_and_no_next_runs()
    {
        Exports.Validation = f => f.Schedule == "61 * * * *"
            ? Errors(("Schedule", "The cron expression '61 * * * *' is invalid: Minute must be 0-59."))
            : new(new Dictionary<string, string[]>(), [], [Samples.Start]);
        var editor = RenderEditor();

        Type(editor, "Schedule", "61 * * * *");

        editor.WaitForAssertion(() => Assert.Equal("The cron expression '61 * * * *' is invalid: Minute must be 0-59.", ErrorUnder(editor, "Schedule")));
        Assert.Empty(editor.FindAll("[data-testid=next-runs] li"));
    }

    [Fact]
    public void Lists_the_next_five_runs_the_server_computed_for_the_schedule()
    {
        var berlin = TimeSpan.FromHours(1);
        var next = Enumerable.Range(0, 5).Select(i => new DateTimeOffset(2026, 11, 2 + i, 2, 0, 0, berlin)).ToList();
        Exports.Validation = f => new(new Dictionary<string, string[]>(), [], f.Schedule == "0 2 * * *" ? next : []);
        var editor = RenderEditor();

        Type(editor, "Schedule", "0 2 * * *");

        editor.WaitForAssertion(() =>
        {
            var items = editor.FindAll("[data-testid=next-runs] li").Select(li => li.TextContent).ToList();
            Assert.Equal(5, items.Count);
            Assert.Equal("Mon 2026-11-02 02:00 (+01:00)", items[0]);
            Assert.Equal("Fri 2026-11-06 02:00 (+01:00)", items[4]);
        });
    }

    [Fact]
    public void Shows_the_lower_case_warning_as_an_info_alert()
    {
        const string warning = "The Export Group Name will be converted to lower case (\"team_a\") to comply with Docker Registry standards.";
        Exports.Validation = f => new(new Dictionary<string, string[]>(), f.GroupName == "Team_A" ? [warning] : [], []);
        var editor = RenderEditor();

        Type(editor, "GroupName", "Team_A");

        editor.WaitForAssertion(() => Assert.Contains(warning, editor.Find("[data-testid=warnings]").TextContent));
        Assert.Contains("mud-alert-text-info", editor.Find("[data-testid=warnings]").ClassName);
        Assert.Null(ErrorUnder(editor, "GroupName"));
    }

    [Fact]
    public void A_new_form_shows_no_errors_for_fields_nobody_touched_yet()
    {
        Exports.Validation = _ => Errors(("GroupName", "Enter the Export Group Name."), ("ProjectName", ProjectRule));
        var editor = RenderEditor();

        Type(editor, "ProjectName", "Model!");

        editor.WaitForAssertion(() => Assert.Equal(ProjectRule, ErrorUnder(editor, "ProjectName")));
        Assert.Null(ErrorUnder(editor, "GroupName"));
    }

    [Fact]
    public void Typing_quickly_asks_the_server_once_after_the_pause()
    {
        // The pause is wall-clock time: long enough that three keystrokes on a busy machine land inside it.
        var editor = RenderEditor(delay: TimeSpan.FromSeconds(1));
        var before = Exports.Validated.Count;

        Type(editor, "GroupName", "t");
        Type(editor, "GroupName", "te");
        Type(editor, "GroupName", "tea");

        editor.WaitForAssertion(() => Assert.Equal(before + 1, Exports.Validated.Count), TimeSpan.FromSeconds(5));
        Assert.Equal("tea", Exports.Validated[^1].GroupName);
    }

    [Fact]
    public void Save_errors_land_on_their_fields_and_the_rest_above_the_form()
    {
        Exports.SaveResult = Portal.Contracts.Shared.SaveResult.Invalid(new Dictionary<string, string[]>
        {
            ["DominoProjectName"] = ["Your key has no permission to change this project's settings."],
            [""] = ["The export could not be saved."],
        });
        var editor = RenderEditor();

        editor.Find("button:contains('Create export')").Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Equal("Your key has no permission to change this project's settings.", ErrorUnder(editor, "DominoProjectName"));
            Assert.Contains("The export could not be saved.", editor.Find("[role=alert]").TextContent);
        });
    }

    [Fact]
    public void A_successful_save_raises_OnSaved_with_the_new_id()
    {
        Exports.SaveResult = Portal.Contracts.Shared.SaveResult.Ok(42);
        int? saved = null;
        var editor = Render<ExportEditor>(p => p
            .Add(e => e.Initial, new ExportForm { GroupName = "team", ProjectName = "model" })
            .Add(e => e.Options, Exports.Options)
            .Add(e => e.OnSaved, id => saved = id));

        editor.Find("button:contains('Create export')").Click();

        editor.WaitForAssertion(() => Assert.Equal(42, saved));
        Assert.Equal("team", Exports.Saved.Single().Form.GroupName);
    }

    [Fact]
    public void Links_to_the_profile_when_the_user_has_no_key_for_the_deployment()
    {
        Exports.Options = Samples.FormOptions() with { DeploymentsWithKey = [] };

        var editor = RenderEditor();

        var warning = editor.Find("[data-testid=missing-key]");
        Assert.Equal("/profile", warning.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Offers_the_projects_the_key_can_see_and_types_owner_and_project_when_there_are_none()
    {
        Exports.Projects = [new("alice", "model", true), new("bob", "shared", false)];
        var withProjects = RenderEditor();
        Assert.NotNull(withProjects.Find("[data-field=DominoProjectName] input"));
        Assert.Empty(withProjects.FindAll("[data-field=DominoOwnerName]"));

        Exports.Projects = [];
        var withoutProjects = RenderEditor();
        Assert.NotNull(withoutProjects.Find("[data-field=DominoOwnerName] input"));
        Assert.Contains("Domino listed no projects for your key", withoutProjects.Find("[data-field=DominoProjectName]").TextContent);
    }

    [Fact]
    public void When_Domino_cannot_list_the_projects_owner_and_project_are_typed_and_checked()
    {
        Exports.ProjectsError = "Domino API gave HTTP response status code 500";
        var editor = RenderEditor(delay: TimeSpan.Zero);

        Assert.Contains("Domino could not list your projects (Domino API gave HTTP response status code 500)",
            editor.Find("[data-field=DominoProjectName]").TextContent);
        Type(editor, "DominoOwnerName", "alice");
        Type(editor, "DominoProjectName", "model");

        editor.WaitForAssertion(() => Assert.Contains(Exports.Validated, f => f is { DominoOwnerName: "alice", DominoProjectName: "model" }));
    }

    [Fact]
    public void A_listed_project_can_also_be_typed_by_hand_and_picked_from_the_list_again()
    {
        Exports.Projects = [new("alice", "model", null)];
        var editor = RenderEditor();

        editor.Find("[data-testid=type-project]").Click();
        Assert.NotNull(editor.Find("[data-field=DominoOwnerName] input"));
        editor.Find("[data-testid=pick-project]").Click();

        Assert.Empty(editor.FindAll("[data-field=DominoOwnerName]"));
        Assert.NotNull(editor.Find("[data-field=DominoProjectName] input"));
    }

    private IRenderedComponent<ExportEditor> RenderEditor(int? id = null, ExportForm? form = null, TimeSpan? delay = null) =>
        Render<ExportEditor>(p => p
            .Add(e => e.Id, id)
            .Add(e => e.Initial, form ?? new ExportForm())
            .Add(e => e.Options, Exports.Options)
            .Add(e => e.ValidationDelay, delay ?? TimeSpan.Zero));

    private static void Type(IRenderedComponent<ExportEditor> editor, string field, string text) =>
        editor.Find($"[data-field={field}] input").Input(text);

    /// <summary>The error text MudBlazor shows under a field, or null.</summary>
    private static string? ErrorUnder(IRenderedComponent<ExportEditor> editor, string field) =>
        editor.Find($"[data-field={field}]").QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    private static ExportValidation Errors(params (string Field, string Error)[] errors) => new(
        errors.Where(e => e.Field is not null).ToDictionary(e => e.Field, e => new[] { e.Error }), [], []);
}
