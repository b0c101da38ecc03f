using Portal.Accounts;
using Portal.Exports;
using Portal.Runs;
using Portal.Tests.Integration.Runs;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Tests.Integration.Exports;

public sealed class ExportRulesTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Theory]
    [InlineData("bad name!", "GroupName", "Export Group Name is invalid: name components may contain lowercase letters")]
    [InlineData("-starts-with-dash", "GroupName", "A name component may not start or end with a separator.")]
    [InlineData("a...b", "GroupName", "Export Group Name is invalid")]
    public async Task Invalid_group_names_get_the_original_rule_text(string group, string field, string expected)
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.GroupName = group;

        var validation = await ValidateAsync(scenario.User, null, form);

        Assert.Contains(expected, validation.ErrorFor(field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_project_name_gets_the_137_text_on_its_field()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.ProjectName = "no spaces allowed";

        var validation = await ValidateAsync(scenario.User, null, form);

        Assert.Equal(StatusCode.APIInvalidExportProjectName.Describe(), validation.ErrorFor(nameof(ExportForm.ProjectName)));
    }

    [Fact]
    public async Task Upper_case_names_are_accepted_in_lower_case_with_the_originals_warning()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.GroupName = "Finance";
        form.ProjectName = "Q3-Report";
        form.DominoProjectName = scenario.Project.Name;

        var validation = await ValidateAsync(scenario.User, scenario.ExportId, form);
        var saved = await Host.WithAsync<ExportForms, SaveResult>(s => s.SaveAsync(scenario.User, scenario.ExportId, form, default));

        Assert.True(validation.IsValid);
        Assert.Equal(2, validation.Warnings.Count);
        Assert.Contains("converted to lower case (\"finance\")", validation.Warnings[0], StringComparison.Ordinal);
        Assert.True(saved.Succeeded);
        var export = await Host.ExportRecordAsync(scenario.ExportId);
        Assert.Equal(("finance", "q3-report"), (export.GroupName, export.ProjectName));
    }

    [Fact]
    public async Task Export_names_already_used_by_another_export_conflict_with_133()
    {
        var first = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var second = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(second);
        form.GroupName = first.Group;
        form.ProjectName = first.Name;

        var saved = await Host.WithAsync<ExportForms, SaveResult>(s => s.SaveAsync(second.User, second.ExportId, form, default));

        Assert.False(saved.Succeeded);
        Assert.Equal(StatusCode.APIExportNameConflict.Describe(), saved.ErrorFor(nameof(ExportForm.ProjectName)));
        Assert.Equal(second.Group, (await Host.ExportRecordAsync(second.ExportId)).GroupName);
    }

    [Fact]
    public async Task A_second_export_of_the_same_Domino_project_conflicts_with_134()
    {
        var first = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(first);
        form.GroupName = "other";
        form.ProjectName = "names";

        var validation = await ValidateAsync(first.User, null, form);

        Assert.Equal(StatusCode.APIProjectConflict.Describe(), validation.ErrorFor(nameof(ExportForm.DominoProjectName)));
    }

    [Fact]
    public async Task A_project_the_key_may_not_change_is_refused_with_132_and_an_unknown_one_with_131()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var stranger = Fixture.Domino.AddProject(Fixture.Domino.AddUser($"stranger{Fixture.Next()}"), "Secret");
        stranger.Grant(scenario.DominoUser, canChangeSettings: false);
        var form = await FormAsync(scenario);
        form.GroupName = "g" + Fixture.Next();
        form.DominoOwnerName = stranger.Owner.UserName;
        form.DominoProjectName = stranger.Name;

        var denied = await Host.WithAsync<ExportForms, SaveResult>(s => s.SaveAsync(scenario.User, null, form, default));
        form.DominoProjectName = "does-not-exist";
        var unknown = await Host.WithAsync<ExportForms, SaveResult>(s => s.SaveAsync(scenario.User, null, form, default));

        Assert.Equal(StatusCode.APIUnauthorized.Describe(), denied.ErrorFor(nameof(ExportForm.DominoProjectName)));
        Assert.Equal(StatusCode.APIProjectNotFound.Describe(), unknown.ErrorFor(nameof(ExportForm.DominoProjectName)));
    }

    [Fact]
    public async Task The_form_check_asks_Domino_about_the_chosen_project_so_a_list_without_permissions_blocks_nothing()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var stranger = Fixture.Domino.AddProject(Fixture.Domino.AddUser($"stranger{Fixture.Next()}"), "Readonly");
        stranger.Grant(scenario.DominoUser, canChangeSettings: false);
        var form = await FormAsync(scenario);
        form.GroupName = "g" + Fixture.Next();
        Fixture.Domino.ProjectListShape = Testbed.Domino.ProjectListShape.Lean;
        try
        {
            var listed = await Host.WithAsync<DominoProjects, IReadOnlyList<DominoProjectOption>>(
                s => s.ListAsync(scenario.User, form.DominoDeploymentId, default));
            var allowed = await ValidateAsync(scenario.User, scenario.ExportId, form);
            form.DominoOwnerName = stranger.Owner.UserName;
            form.DominoProjectName = stranger.Name;
            var refused = await ValidateAsync(scenario.User, null, form);

            Assert.Contains(listed, p => p.ProjectName == scenario.Project.Name && p.CanExport is null);
            Assert.Null(allowed.ErrorFor(nameof(ExportForm.DominoProjectName)));
            Assert.Equal(StatusCode.APIUnauthorized.Describe(), refused.ErrorFor(nameof(ExportForm.DominoProjectName)));
        }
        finally
        {
            Fixture.Domino.ProjectListShape = Testbed.Domino.ProjectListShape.Full;
        }
    }

    [Theory]
    [InlineData("every minute", "UTC", "Schedule", "five fields")]
    [InlineData("0 25 * * *", "UTC", "Schedule", "Invalid cron expression")]
    [InlineData("0 2 * * *", "Mars/Olympus", "TimeZone", "Unknown time zone")]
    public async Task A_bad_schedule_is_explained_on_its_field(string cron, string zone, string field, string expected)
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.Schedule = cron;
        form.TimeZone = zone;

        var validation = await ValidateAsync(scenario.User, scenario.ExportId, form);

        Assert.Contains(expected, validation.ErrorFor(field), StringComparison.Ordinal);
        Assert.Empty(validation.NextRuns);
    }

    [Fact]
    public async Task A_valid_schedule_previews_its_next_five_runs_in_its_time_zone()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.Schedule = "30 2 * * *";
        form.TimeZone = "America/New_York";

        var validation = await ValidateAsync(scenario.User, scenario.ExportId, form);

        Assert.True(validation.IsValid);
        Assert.Equal(5, validation.NextRuns.Count);
        Assert.All(validation.NextRuns, t => Assert.Equal(new TimeSpan(2, 30, 0),
            TimeZoneInfo.ConvertTime(t, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).TimeOfDay));
    }

    [Fact]
    public async Task Parts_need_their_targets_and_a_project_export_needs_one_part()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var form = await FormAsync(scenario);
        form.ExportFiles = false;
        form.ExportImage = false;
        var none = await ValidateAsync(scenario.User, scenario.ExportId, form);
        form.ExportImage = true;
        form.RegistryTargetId = null;
        var noRegistry = await ValidateAsync(scenario.User, scenario.ExportId, form);

        Assert.NotNull(none.ErrorFor(nameof(ExportForm.ExportFiles)));
        Assert.NotNull(noRegistry.ErrorFor(nameof(ExportForm.RegistryTargetId)));
    }

    [Fact]
    public async Task Users_see_and_manage_only_their_own_exports_while_admins_see_all()
    {
        var alice = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var bob = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var admin = await Host.UserAsync($"admin{Fixture.Next()}@example.com", admin: true);

        var alicesList = await ListAsync(alice.User);
        var adminsList = await ListAsync(admin);
        var bobReadsAlices = await Host.WithAsync<ExportReader, ExportDetails?>(s => s.GetAsync(bob.User, alice.ExportId, default));
        var bobDisables = await Host.WithAsync<ExportActions, SaveResult>(s => s.SetEnabledAsync(bob.User, alice.ExportId, false, default));
        var bobRuns = await Host.WithAsync<ExportActions, RunStarted>(s => s.RunNowAsync(bob.User, alice.ExportId, RunTrigger.Manual, default));
        var adminDisables = await Host.WithAsync<ExportActions, SaveResult>(s => s.SetEnabledAsync(admin, alice.ExportId, false, default));

        Assert.Equal([alice.ExportId], alicesList.Items.Select(e => e.Id));
        Assert.Equal(alice.User.Email, alicesList.Items[0].OwnerEmail);
        Assert.Contains(adminsList.Items, e => e.Id == alice.ExportId);
        Assert.Contains(adminsList.Items, e => e.Id == bob.ExportId);
        Assert.Null(bobReadsAlices);
        Assert.True(bobDisables.NotFound);
        Assert.False(bobRuns.Succeeded);
        Assert.True(adminDisables.Succeeded);
        Assert.False((await Host.ExportRecordAsync(alice.ExportId)).Enabled);
    }

    [Fact]
    public async Task The_exports_table_searches_filters_sorts_and_pages_on_the_server()
    {
        var a = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var b = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var admin = await Host.UserAsync($"admin{Fixture.Next()}@example.com", admin: true);
        await a.RunNowAsync();

        var byName = await ListAsync(admin, new ExportQuery(SortBy: "name", PageSize: 1));
        var second = await ListAsync(admin, new ExportQuery(SortBy: "name", PageSize: 1, Page: 1));
        var succeeded = await ListAsync(admin, new ExportQuery(Outcome: "succeeded"));
        var never = await ListAsync(admin, new ExportQuery(Outcome: "never"));
        var search = await ListAsync(admin, new ExportQuery(Search: b.Name));

        Assert.Equal(2, byName.Total);
        Assert.Equal(a.ExportId, byName.Items.Single().Id);
        Assert.Equal(b.ExportId, second.Items.Single().Id);
        Assert.Equal([a.ExportId], succeeded.Items.Select(e => e.Id));
        Assert.Equal("Completed", succeeded.Items[0].LastStatusName);
        Assert.Equal([b.ExportId], never.Items.Select(e => e.Id));
        Assert.Equal([b.ExportId], search.Items.Select(e => e.Id));
    }

    private Task<Page<ExportSummary>> ListAsync(PortalUser user, ExportQuery? query = null) =>
        Host.WithAsync<ExportList, Page<ExportSummary>>(s => s.ListAsync(user, query ?? new ExportQuery(), default));

    private Task<ExportValidation> ValidateAsync(PortalUser user, int? id, ExportForm form) =>
        Host.WithAsync<ExportForms, ExportValidation>(s => s.ValidateAsync(user, id, form, default));

    private async Task<ExportForm> FormAsync(RunScenario scenario) =>
        (await Host.WithAsync<ExportReader, ExportDetails?>(s => s.GetAsync(scenario.User, scenario.ExportId, default)))!.Form;
}
