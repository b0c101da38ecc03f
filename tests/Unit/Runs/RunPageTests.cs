using Bunit;
using Portal.Client.Runs;
using Portal.Tests.Unit.Support;
using Portal.Tests.Unit.Support.Fakes;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Tests.Unit.Runs;

public sealed class RunPageTests : ComponentTest
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void A_running_run_shows_its_progress_and_a_cancel_button()
    {
        Runs.Current = Samples.Details(Samples.Run(315, bytesDone: 30 * MiB, bytesTotal: 120 * MiB, filesDone: 12, filesTotal: 40));

        var page = RenderRun();

        Assert.Equal("12 of 40", page.Find("[data-testid=files-progress]").TextContent.Trim());
        Assert.Equal("30 MiB of 120 MiB", page.Find("[data-testid=bytes-progress]").TextContent.Trim());
        Assert.Contains("25%", page.Find("[data-testid=progress-bar]").TextContent);
        Assert.Equal("Running", page.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal("Cancel", page.Find("[data-testid=cancel-run]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=run-error]"));
    }

    [Fact]
    public void The_progress_rises_without_a_reload_and_stops_polling_when_the_run_ends()
    {
        Runs.Then(
            Samples.Details(Samples.Run(315, bytesDone: 10 * MiB, bytesTotal: 100 * MiB, filesDone: 1, filesTotal: 10)),
            Samples.Details(Samples.Run(315, bytesDone: 60 * MiB, bytesTotal: 100 * MiB, filesDone: 6, filesTotal: 10)),
            Samples.Details(Samples.Run(290, bytesDone: 100 * MiB, bytesTotal: 100 * MiB, filesDone: 10, filesTotal: 10, message: "10 files")));

        var page = RenderRun(refresh: TimeSpan.FromSeconds(1));

        Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("6 of 10", page.Find("[data-testid=files-progress]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find("[data-testid=status-chip]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=run-progress]"));
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
        var gets = Runs.Gets;
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(gets, Runs.Gets);
    }

    [Fact]
    public void A_completed_run_shows_its_stages_with_times_and_no_cancel_button()
    {
        Runs.Current = Samples.Details(Samples.Run(290, message: "40 files at commit c0ffee"), stages:
        [
            new(300, StatusCode.Running.Stage(), Samples.Start.AddSeconds(1)),
            new(315, StatusCode.ProjectFileTansferToS3Started.Stage(), Samples.Start.AddSeconds(2)),
            new(290, StatusCode.Completed.Stage(), Samples.Start.AddSeconds(30)),
        ]);

        var page = RenderRun();

        var stages = page.FindAll("[data-testid=stage]").Select(s => s.TextContent).ToList();
        Assert.Equal(["Started (300)", "Files: copying to S3 (315)", "Completed (290)"], stages);
        Assert.Contains("2026-11-02 09:00:30 UTC", page.Find("[data-testid=run-stages]").TextContent);
        Assert.Contains("40 files at commit c0ffee", page.Find("[data-testid=run-message]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
        Assert.Empty(page.FindAll("[data-testid=run-progress]"));
    }

    [Fact]
    public void A_failed_run_shows_its_code_name_message_and_the_exception_details()
    {
        Runs.Current = Samples.Details(Samples.Run(141, message: "The S3 bucket 'b' does not exist"),
            exceptionType: "Portal.Domain.Runs.ExportException", exceptionDetails: "ExportException: bucket\n   at S3Store.ReadAsync()");

        var page = RenderRun();

        var error = page.Find("[data-testid=run-error]");
        Assert.Contains("141 S3BucketNotFound", error.TextContent);
        Assert.Contains("The S3 bucket 'b' does not exist", error.TextContent);
        Assert.Contains("mud-alert-text-error", error.ClassName);
        Assert.Contains("Details: Portal.Domain.Runs.ExportException", page.Find("[data-testid=exception-details]").TextContent);
        Assert.Equal("Failed", page.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
    }

    [Fact]
    public void A_cancelled_run_shows_as_cancelled_without_a_cancel_button()
    {
        Runs.Current = Samples.Details(Samples.Run(104, message: "Cancelled by alice@example.com"));

        var page = RenderRun();

        Assert.Equal("Cancelled", page.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Contains("104 ExecutionCancelled", page.Find("[data-testid=run-error]").TextContent);
        Assert.Contains("mud-alert-text-warning", page.Find("[data-testid=run-error]").ClassName);
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
    }

    [Fact]
    public void Cancel_asks_the_server_and_shows_cancelling_until_the_run_ends()
    {
        Runs.Current = Samples.Details(Samples.Run(315));
        var page = RenderRun();
        Runs.Current = Samples.Details(Samples.Run(315), cancelRequested: true);

        page.Find("[data-testid=cancel-run]").Click();

        Assert.Equal([1L], Runs.Cancelled);
        page.WaitForAssertion(() => Assert.Equal("Cancelling…", page.Find("[data-testid=cancel-run]").TextContent.Trim()));
        Assert.True(page.Find("[data-testid=cancel-run]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_queued_run_can_be_cancelled_too()
    {
        Runs.Current = Samples.Details(Samples.Run(220), stages: []);

        var page = RenderRun();

        Assert.Equal("Queued", page.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=cancel-run]"));
        Assert.Equal("No stage reached yet.", page.Find("[data-testid=no-stages]").TextContent);
    }

    [Fact]
    public void Lists_the_pushed_images_with_their_digests()
    {
        Runs.Current = Samples.Details(Samples.Run(290), images: [new RunImageDto("registry:5000/team/model:v3", "sha256:abc123", 1024)]);

        var page = RenderRun();

        var row = page.Find("[data-testid=run-images] tbody tr");
        Assert.Contains("registry:5000/team/model:v3", row.TextContent);
        Assert.Contains("sha256:abc123", row.TextContent);
    }

    [Fact]
    public void Lists_each_layer_of_a_registry_copy_with_its_outcome_and_speed()
    {
        Runs.Current = Samples.Details(Samples.Run(300)) with
        {
            ImagePath = "Registry",
            Layers =
            [
                new RunLayerDto("sha256:base", "application/vnd.oci.image.layer.v1.tar+gzip", 4 << 20, "Present", 1, 0.01, null),
                new RunLayerDto("sha256:new", "application/vnd.oci.image.layer.v1.tar+gzip", 8 << 20, "Copied", 2, 2, null),
            ],
        };

        var page = RenderRun();

        Assert.Equal("1 copied (8 MiB), 1 already at the target or mounted", page.Find("[data-testid=run-layers-summary]").TextContent);
        var rows = page.FindAll("[data-testid=run-layers] tbody tr");
        Assert.Contains("Present", rows[0].TextContent);
        Assert.Contains("–", rows[0].TextContent);
        Assert.Contains("Copied", rows[1].TextContent);
        Assert.Contains("4 MiB/s", rows[1].TextContent);
    }

    [Fact]
    public void The_files_table_asks_the_server_for_the_chosen_outcome()
    {
        Runs.Current = Samples.Details(Samples.Run(290));
        Runs.Files = new Page<RunFileDto>([new RunFileDto(1, "data/a.csv", 2048, new string('f', 64), "Failed", 3, "Domino answered 500")], 1);
        var page = RenderRun();

        page.Find("[data-testid=file-outcome-Failed]").Click();

        page.WaitForAssertion(() => Assert.Equal("Failed", Runs.FileQueries[^1]));
        var row = page.Find("[data-testid=run-files] tbody tr");
        Assert.Contains("data/a.csv", row.TextContent);
        Assert.Contains("Domino answered 500", row.TextContent);
    }

    [Fact]
    public void A_failed_run_that_can_be_resumed_offers_resume_and_opens_the_new_run()
    {
        Runs.Current = Samples.Details(Samples.Run(120, message: "Downloading 'a.bin' from Domino failed 3 times")) with { CanResume = true };
        var page = RenderRun();

        page.Find("[data-testid=resume-run]").Click();

        page.WaitForAssertion(() => Assert.Equal([1L], Runs.Resumed));
        Assert.EndsWith("/runs/99", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_resume_says_why_and_stays()
    {
        Runs.Current = Samples.Details(Samples.Run(120)) with { CanResume = true };
        Runs.ResumeResult = new(false, null, "Run #4 came after it: only the export's newest run can be resumed.");
        var page = RenderRun();

        page.Find("[data-testid=resume-run]").Click();

        page.WaitForAssertion(() => Assert.Contains("Run #4 came after it", page.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("/runs/99", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_a_resume_offers_none_and_a_resuming_run_links_back()
    {
        Runs.Current = Samples.Details(Samples.Run(290)) with { ResumesRunId = 7, ResumesRunNumber = 2, CommitId = "c0ffee" };

        var page = RenderRun();

        Assert.Empty(page.FindAll("[data-testid=resume-run]"));
        var resumes = page.Find("[data-testid=run-resumes]");
        Assert.Contains("Resumes run #2", resumes.TextContent);
        Assert.Contains("commit c0ffee", resumes.TextContent);
        Assert.Equal("/runs/7", resumes.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Says_so_when_the_run_does_not_exist()
    {
        Runs.Current = null;

        var page = RenderRun();

        Assert.Contains("This run does not exist", page.Find("[role=alert]").TextContent);
    }

    private IRenderedComponent<RunPage> RenderRun(TimeSpan? refresh = null) =>
        Render<RunPage>(p => p.Add(r => r.Id, 1L).Add(r => r.RefreshInterval, refresh ?? TimeSpan.FromHours(1)));
}
