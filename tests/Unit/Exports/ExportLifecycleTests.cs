using Portal.Contracts.Runs;
using Portal.Contracts.Exports;
using Portal.Exports;
using Portal.Templates;

namespace Portal.Tests.Unit.Exports;

public sealed class ExportLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 7, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_export_is_enabled_and_due_at_its_schedules_next_tick()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "team", "model", "*/15 * * * *", Now);

        Assert.True(export.Enabled);
        Assert.Equal(32, export.ExportKey.Length);
        Assert.Equal(Now, export.CreatedAt);
        Assert.Equal(Now.AddMinutes(8), export.NextRunAt);
    }

    [Fact]
    public void Applying_a_form_takes_the_names_as_the_naming_rule_makes_them_and_the_schedule_in_its_time_zone()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "", "", "0 * * * *", Now);

        export.Apply(new ExportForm
        {
            DominoDeploymentId = 2,
            DominoOwnerName = " Alice ",
            DominoProjectName = " Churn ",
            GroupName = " Team ",
            ProjectName = "Model",
            S3TargetId = 3,
            RegistryTargetId = 4,
            Schedule = " 0 12 * * * ",
            TimeZone = "Europe/Berlin",
        }, Now);

        Assert.Equal(("alice", "Churn"), (export.DominoOwnerName, export.DominoProjectName));
        Assert.Equal(("team", "model"), (export.GroupName, export.ProjectName));
        Assert.Equal("0 12 * * *", export.Schedule);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 11, 0, 0, TimeSpan.Zero), export.NextRunAt);
        Assert.Equal(DockerfileTemplate.StandardId, export.TemplateId);
    }

    [Fact]
    public void An_environment_export_never_copies_files_and_always_pushes_its_image()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "", "", "0 * * * *", Now);

        export.Apply(new ExportForm
        {
            Kind = ExportKind.Environment, EnvironmentId = " env-1 ", GroupName = "public", ProjectName = "domino",
            ExportFiles = true, ExportImage = false, S3TargetId = 3, RegistryTargetId = 4, TemplateId = 7,
        }, Now);

        Assert.Equal((false, true), (export.ExportFiles, export.ExportImage));
        Assert.Equal((null, 4, 7), (export.S3DestinationId, export.RegistryDestinationId, export.TemplateId));
        Assert.Equal("env-1", export.EnvironmentId);
        Assert.Null(export.DominoOwnerName);
    }

    [Fact]
    public void A_disabled_export_has_no_next_run_until_it_is_enabled_again()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "team", "model", "0 * * * *", Now);

        export.SetEnabled(false, Now);
        Assert.Null(export.NextRunAt);

        export.SetEnabled(true, Now.AddHours(2));
        Assert.Equal(Now.AddHours(2).AddMinutes(53), export.NextRunAt);
        Assert.Equal(Now.AddHours(2), export.UpdatedAt);
    }

    [Fact]
    public void An_archived_export_is_disabled_for_good_and_never_due()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "team", "model", "0 * * * *", Now);

        export.Archive(Now);

        Assert.True(export.Archived);
        Assert.False(export.Enabled);
        Assert.Equal(Now, export.ArchivedAt);
        Assert.Null(export.NextRunAt);
        Assert.Null(export.NextRunAfter(Now));
    }

    [Fact]
    public void A_restored_export_is_back_but_disabled_until_enabled_and_keeps_where_it_left_off()
    {
        var export = Exported();
        var commit = export.FilesCommitId;
        export.Archive(Now);

        export.Restore(Now.AddDays(1));

        Assert.False(export.Archived);
        Assert.Null(export.ArchivedAt);
        Assert.False(export.Enabled);
        Assert.Null(export.NextRunAt);
        Assert.Equal(commit, export.FilesCommitId);
        Assert.Equal(Now.AddDays(1), export.UpdatedAt);
        export.SetEnabled(true, Now.AddDays(1));
        Assert.NotNull(export.NextRunAt);
    }

    [Fact]
    public void New_names_forget_what_was_exported_so_the_next_run_exports_everything_again()
    {
        var export = Exported();

        export.Rename("team", "model-2", Now);

        Assert.Equal("model-2", export.ProjectName);
        Assert.Null(export.FilesCommitId);
        Assert.Null(export.FilesFingerprint);
        Assert.Null(export.ImageEnvironmentId);
        Assert.Null(export.ImageRevision);
    }

    [Fact]
    public void The_same_names_keep_what_was_exported()
    {
        var export = Exported();

        export.Rename("team", "model", Now.AddHours(1));

        Assert.Equal("c0ffee", export.FilesCommitId);
        Assert.Equal(3, export.ImageRevision);
        Assert.Equal(Now.AddHours(1), export.UpdatedAt);
    }

    [Fact]
    public void A_new_schedule_moves_the_next_run()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "team", "model", "0 * * * *", Now);

        export.Reschedule("*/5 * * * *", Now);

        Assert.Equal(Now.AddMinutes(3), export.NextRunAt);
    }

    [Fact]
    public void A_recorded_run_moves_the_position_only_when_it_still_held_the_export_and_the_summary_only_when_newest()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "team", "model", "*/15 * * * *", Now);
        var later = Now.AddMinutes(20);

        export.RecordRun(new LastRun(7, StatusCode.Completed, Now, 12.5, 4096),
            new ExportPosition(new FilesPosition("c7", "f7", "exports/team/model/latest"), new ImagePosition("env-1", 3, "i3")), later);
        // An older run ending late, which another run took over: neither its position nor its summary count.
        export.RecordRun(new LastRun(6, StatusCode.ExecutionNotComplete, Now.AddMinutes(-30), 1, 1), null, later);
        // A newer run skipped with no new location keeps the one before.
        export.RecordRun(new LastRun(8, StatusCode.Skipped, later, 0.5, 0), new ExportPosition(new FilesPosition("c7", "f7", null), null), later);

        Assert.Equal(("c7", "f7", "exports/team/model/latest"), (export.FilesCommitId, export.FilesFingerprint, export.FilesLocation));
        Assert.Equal(("env-1", 3, "i3"), (export.ImageEnvironmentId, export.ImageRevision, export.ImageFingerprint));
        Assert.Equal((8L, StatusCode.Skipped, later, 0.5, 0L),
            (export.LastRunId!.Value, export.LastStatus!.Value, export.LastRunAt!.Value, export.LastDurationSeconds!.Value, export.LastBytes!.Value));
        Assert.Equal(later.AddMinutes(3), export.NextRunAt);
        Assert.Equal(Now, export.UpdatedAt); // a run is not an edit
    }

    private static Export Exported()
    {
        var export = Export.Create(ExportKind.Project, "u-alice", 1, "team", "model", "0 * * * *", Now);
        export.FilesCommitId = "c0ffee";
        export.FilesFingerprint = "f1";
        export.ImageEnvironmentId = "env-1";
        export.ImageRevision = 3;
        export.ImageFingerprint = "i1";
        return export;
    }
}
