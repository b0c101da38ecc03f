using Bunit;
using Portal.Client.Exports;
using Portal.Contracts.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Exports;

/// <summary>The editor's optional verify schedule: shown for files exports only, read out in plain English.</summary>
public sealed class VerifyScheduleFieldTests : ComponentTest
{
    [Fact]
    public void A_verify_schedule_is_read_out_in_the_exports_time_zone()
    {
        var field = Render<VerifyScheduleField>(p => p.Add(f => f.Value, "0 4 * * 0").Add(f => f.TimeZone, "Europe/Berlin"));

        Assert.Equal("Verifies every Sunday at 04:00 (Europe/Berlin)", field.Find("[data-testid=verify-schedule-reading]").TextContent);

        field.Render(p => p.Add(f => f.Error, "A cron expression has five fields: minute hour day-of-month month day-of-week."));
        Assert.Empty(field.FindAll("[data-testid=verify-schedule-reading]"));
        Assert.Contains("five fields", field.Markup);
    }

    [Fact]
    public void The_editor_offers_it_for_a_files_export_and_not_for_an_image_only_one()
    {
        var files = RenderEditor(new ExportForm { Kind = ExportKind.Project, ExportFiles = true, VerifySchedule = "0 4 * * 0" });
        Assert.Single(files.FindAll($"[data-field={nameof(ExportForm.VerifySchedule)}]"));

        var image = RenderEditor(new ExportForm { Kind = ExportKind.Environment });
        Assert.Empty(image.FindAll($"[data-field={nameof(ExportForm.VerifySchedule)}]"));
    }

    private IRenderedComponent<ExportEditor> RenderEditor(ExportForm form) =>
        Render<ExportEditor>(p => p
            .Add(e => e.Id, 5)
            .Add(e => e.Initial, form)
            .Add(e => e.Options, Samples.FormOptions())
            .Add(e => e.ValidationDelay, TimeSpan.Zero));
}
