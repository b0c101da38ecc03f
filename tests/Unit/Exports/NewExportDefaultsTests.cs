using Bunit;
using Portal.Client.Exports;
using Portal.Contracts.Exports;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;

namespace Portal.Tests.Unit.Exports;

/// <summary>A new export starts so that its first save works: the only choices picked, no image without a registry, daily.</summary>
public sealed class NewExportDefaultsTests : ComponentTest
{
    [Fact]
    public void A_new_export_preselects_the_only_s3_target_and_registry_and_runs_daily()
    {
        var editor = RenderEditor(id: null, new ExportForm());

        editor.WaitForAssertion(() => Assert.Contains(Exports.Validated,
            f => f is { S3TargetId: 1, RegistryTargetId: 1, ExportImage: true, Schedule: NewExportDefaults.Schedule, TemplateId: null }));
    }

    [Fact]
    public void A_new_export_has_the_image_off_when_no_registry_exists()
    {
        Exports.Options = Samples.FormOptions() with { Registries = [] };

        var editor = RenderEditor(id: null, new ExportForm());

        editor.WaitForAssertion(() => Assert.Contains(Exports.Validated, f => f is { ExportImage: false, RegistryTargetId: null, S3TargetId: 1 }));
    }

    [Fact]
    public void Two_s3_targets_leave_the_choice_to_the_person()
    {
        Exports.Options = Samples.FormOptions() with { S3Targets = [new Option(1, "Lab S3"), new Option(2, "Archive S3")] };

        var editor = RenderEditor(id: null, new ExportForm());

        editor.WaitForAssertion(() => Assert.Contains(Exports.Validated, f => f is { S3TargetId: null, RegistryTargetId: 1 }));
    }

    [Fact]
    public void An_existing_export_keeps_its_own_schedule_and_targets()
    {
        var editor = RenderEditor(id: 5, new ExportForm { Schedule = "*/15 * * * *", ExportImage = true, S3TargetId = null, RegistryTargetId = null });

        editor.WaitForAssertion(() => Assert.Contains(Exports.Validated,
            f => f is { Schedule: "*/15 * * * *", S3TargetId: null, RegistryTargetId: null, ExportImage: true }));
        Assert.DoesNotContain(Exports.Validated, f => f.Schedule == NewExportDefaults.Schedule);
    }

    private IRenderedComponent<ExportEditor> RenderEditor(int? id, ExportForm form) =>
        Render<ExportEditor>(p => p
            .Add(e => e.Id, id)
            .Add(e => e.Initial, form)
            .Add(e => e.Options, Exports.Options)
            .Add(e => e.ValidationDelay, TimeSpan.Zero));
}
