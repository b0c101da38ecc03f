using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testbed.Domino;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Exports;

/// <summary>Issue 5 in Chromium against the running portal and the real services: connections, keys, exports, runs, ownership.</summary>
[Collection(ExportsCollection.Name)]
public sealed class ExportsInThePortalTests(ExportsWorld world)
{
    private People People => world.People;

    [Fact]
    public async Task Admin_sets_up_Domino_S3_and_a_registry_with_a_login_and_every_connection_test_goes_green()
    {
        var checks = await People.ConnectionsAsync();

        Assert.Contains($"Domino API: {world.Domino.Url} answers", checks.Chips[People.Deployment]);
        // The registries are checked through their own API: no Docker engine in the way.
        Assert.Contains($"Domino registry: {world.DominoRegistry.Host} answers", checks.Chips[People.Deployment]);
        Assert.DoesNotContain(checks.Chips[People.Deployment], chip => chip.StartsWith("Docker engine", StringComparison.Ordinal));
        Assert.Equal([$"S3 bucket: s3://{ExportsWorld.Bucket}/ is readable and writable (a probe object was written and deleted)"],
            checks.Chips[People.S3Target]);
        Assert.Contains($"target registry login: {world.Target.Host} accepts the credentials of {ExportsWorld.TargetUser}",
            checks.Chips[People.Registry]);
        Assert.Equal([$"Docker engine: {world.Podman.Endpoint} answers"], checks.Chips["Docker engine"]);

        // Secrets are write-only: the page says one is stored, and neither the page nor the API sends it back.
        var admin = await People.AdminAsync();
        var page = new ConnectionsPage(admin.Page);
        await page.OpenAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Region, new() { Name = "Registry targets" }))
            .ToContainTextAsync($"{ExportsWorld.TargetUser}, password stored");
        Assert.DoesNotContain(ExportsWorld.TargetPassword, await admin.Page.ContentAsync(), StringComparison.Ordinal);
        var overview = await (await admin.Context.APIRequest.GetAsync("/api/admin/connections")).TextAsync();
        Assert.Contains(world.Target.Host, overview, StringComparison.Ordinal);
        Assert.DoesNotContain(ExportsWorld.TargetPassword, overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_stores_a_key_creates_a_project_export_and_Run_now_puts_its_files_in_S3_and_its_image_in_the_registry()
    {
        var shots = new Screenshots("project-export");
        var files = new[]
        {
            new TestFile("README.md", TestContent.FromText("# Climate model\n")),
            new TestFile("data/rows.csv", TestContent.Generated(300_000, seed: 1)),
            new TestFile("models/weights.bin", TestContent.Generated(6_000_000, seed: 2)),
            new TestFile("notes/empty.txt", TestContent.FromBytes([])),
        };
        world.Project("climate-model", files);
        var user = await People.UserWithKeyAsync();
        var page = user.Page;

        // The profile says whose key it is, as Domino answered.
        var profile = new ProfilePage(page);
        await profile.OpenAsync();
        await Expect(profile.KeyCard).ToContainTextAsync($"Domino says it belongs to {world.DominoUser.UserName}");

        // The editor offers the projects the key can see, checks the form as it is filled in and previews the schedule.
        var editor = new ExportEditorPage(page);
        await editor.OpenAsync();
        await editor.PickProjectAsync("ada/climate-model");
        await editor.NameAsync("climate", "model");
        await editor.ChooseS3TargetAsync(People.S3Target);
        await editor.ChooseRegistryAsync(People.Registry);
        await editor.ChoosePresetAsync("Daily at 02:00");
        await Expect(editor.NextRuns).ToHaveCountAsync(5);
        await Expect(editor.NextRuns.First).ToContainTextAsync("02:00 (+00:00)");
        await shots.TakeAsync(page, "editor-filled-in");
        var exportId = await editor.CreateAsync();

        var export = new ExportPage(page);
        await Expect(export.Heading).ToHaveTextAsync("climate/model");
        await Expect(export.Settings).ToContainTextAsync($"{People.Deployment}: ada/climate-model");
        await Expect(export.Settings).ToContainTextAsync("0 2 * * * (UTC)");
        await shots.TakeAsync(page, "export-created");

        var runId = await export.RunNowAsync();
        var run = new RunPage(page);
        await Expect(run.Heading).ToHaveTextAsync("Run #1 of climate/model");
        await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });
        await Expect(run.Times).ToContainTextAsync($"Manual by {People.UserEmail}");
        await Expect(run.Stages.Last).ToContainTextAsync("(290)");
        await Expect(run.Parts).ToContainTextAsync($"4 of 4 files");
        await Expect(run.Images).ToHaveCountAsync(2);
        await Expect(run.Files).ToHaveCountAsync(4);
        await shots.TakeAsync(page, "run-completed");

        // Every file is in S3 byte for byte.
        var stored = await world.S3.ReadTreeAsync(ExportsWorld.Bucket, "projects/climate/model/latest/");
        Assert.Equal(files.Select(f => f.Path).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(file.Content.Length, stored[file.Path].ReadSize);
            Assert.Equal(file.Content.Sha256(), stored[file.Path].Sha256);
        }

        // Both tags are in the registry with the digest the run recorded, and the image holds the environment's files.
        var details = await user.Api.RunAsync(runId);
        Assert.Equal(290, details.Summary.Status);
        Assert.Equal(2, details.Images.Count);
        foreach (var image in details.Images)
        {
            Assert.StartsWith($"{world.Target.Host}/climate/model:", image.Reference, StringComparison.Ordinal);
            var manifest = await world.Target.GetManifestAsync("climate/model", image.Reference[(image.Reference.LastIndexOf(':') + 1)..]);
            Assert.Equal(image.Digest, manifest.Digest);
            Assert.Equal(world.ImageMarker, await ImageContents.ReadFileAsync(world.Target, "climate/model", manifest, "marker.txt"));
        }
        Assert.Single(details.Images.Select(i => i.Digest).Distinct());
        Assert.Contains(details.Images, i => i.Reference.EndsWith(":latest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_project_picker_never_blocks_a_project_it_cannot_judge_and_owner_and_project_can_be_typed_when_the_list_fails()
    {
        var n = world.Next();
        var shots = new Screenshots("project-picker");
        world.Project($"lean-{n}", new TestFile("a.txt", TestContent.FromText("a")));
        world.Project($"typed-{n}", new TestFile("b.txt", TestContent.FromText("b")));
        var readOnly = world.Domino.AddProject(world.Domino.AddUser($"bert{n}"), $"readonly-{n}");
        readOnly.Grant(world.DominoUser, canChangeSettings: false);
        var user = await People.UserWithKeyAsync();
        var editor = new ExportEditorPage(user.Page);
        world.Domino.ProjectListShape = ProjectListShape.Lean;
        try
        {
            // The list carries no permission fields: every project can be picked, and Domino judges the one picked.
            await editor.OpenAsync();
            await editor.PickProjectAsync($"bert{n}/readonly-{n}");
            await Expect(editor.ProjectField).ToContainTextAsync("does not have permission to the specified Domino Project");
            await shots.TakeAsync(user.Page, "refused-by-domino");
            await editor.PickProjectAsync($"ada/lean-{n}");
            await Expect(editor.ProjectField).Not.ToContainTextAsync("permission");
            await editor.NameAsync("picker", $"lean-{n}");
            await editor.ChooseS3TargetAsync(People.S3Target);
            await editor.SetImageExportAsync(false);
            await editor.CreateAsync();
            await Expect(new ExportPage(user.Page).Settings).ToContainTextAsync($"ada/lean-{n}");

            // Domino's list fails: owner and project are typed, and the export is created all the same.
            world.Domino.Faults.Fail("/v4/gateway/projects?", times: 50);
            await editor.OpenAsync();
            await Expect(editor.ProjectField).ToContainTextAsync("Domino could not list your projects");
            await editor.TypeProjectAsync("ada", $"typed-{n}");
            await editor.NameAsync("picker", $"typed-{n}");
            await editor.ChooseS3TargetAsync(People.S3Target);
            await editor.SetImageExportAsync(false);
            await shots.TakeAsync(user.Page, "typed-by-hand");
            await editor.CreateAsync();
            await Expect(new ExportPage(user.Page).Settings).ToContainTextAsync($"ada/typed-{n}");
        }
        finally
        {
            world.Domino.ProjectListShape = ProjectListShape.Full;
            world.Domino.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_second_user_sees_neither_the_first_users_export_nor_its_runs()
    {
        world.Project("private-notes", new TestFile("notes.md", TestContent.FromText("mine")));
        var owner = await People.UserWithKeyAsync();
        var exportId = await owner.Api.CreateProjectExportAsync("ada", "private-notes", "private", "notes", People.S3Target);
        var started = await owner.Context.APIRequest.PostAsync($"/api/exports/{exportId}/run", new() { Headers = PortalApi.SameOrigin });
        Assert.Equal(202, started.Status);
        var runId = (await owner.Api.RunsAsync(exportId)).Single().Id;
        var shots = new Screenshots("second-user");

        var other = await People.NewApprovedUserAsync("eve@example.com");
        var exports = new ExportsPage(other.Page);
        await exports.OpenAsync();
        await Expect(exports.Empty).ToHaveTextAsync("No exports yet.");
        await shots.TakeAsync(other.Page, "exports-list-empty");
        await other.Page.GotoAsync($"/exports/{exportId}");
        await Expect(other.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This export does not exist, or it is not yours to see.");
        await Expect(new ExportPage(other.Page).RunNowButton).ToHaveCountAsync(0);
        await shots.TakeAsync(other.Page, "export-not-found");
        await other.Page.GotoAsync($"/runs/{runId}");
        await Expect(other.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This run does not exist, or it is not yours to see.");

        Assert.Equal(404, (await other.Api.GetResponseAsync($"/api/exports/{exportId}")).Status);
        Assert.Equal(404, (await other.Api.GetResponseAsync($"/api/runs/{runId}")).Status);
        Assert.Equal(404, (await other.Api.GetResponseAsync($"/api/exports/{exportId}/runs")).Status);
        Assert.Equal(404, (await other.Context.APIRequest.PostAsync($"/api/exports/{exportId}/run", new() { Headers = PortalApi.SameOrigin })).Status);
        Assert.Equal(404, (await other.Context.APIRequest.PostAsync($"/api/exports/{exportId}/archive", new() { Headers = PortalApi.SameOrigin })).Status);

        // The owner still has it.
        var own = new ExportsPage(owner.Page);
        await own.OpenAsync();
        await Expect(own.Link("private/notes")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_S3_secret_fails_the_run_and_the_run_page_shows_its_code_and_message()
    {
        const string target = "Strict bucket (wrong secret)";
        var shots = new Screenshots("wrong-s3-secret");
        var admin = await People.AdminAsync();
        await People.ConnectionsAsync();
        var connections = new ConnectionsPage(admin.Page);
        await connections.OpenAsync();
        await connections.AddS3TargetAsync(target, ExportsWorld.StrictBucket, world.StrictS3.Url, Testbed.S3.S3Server.Credentials.AccessKey,
            "not-the-secret");
        var chips = await connections.TestAsync(target);
        await Expect(chips).ToHaveAttributeAsync("data-healthy", "false");
        await shots.TakeAsync(admin.Page, "connection-test-red");

        world.Project("secret-plans", new TestFile("plan.txt", TestContent.FromText("step 1")));
        var user = await People.UserWithKeyAsync();
        var exportId = await user.Api.CreateProjectExportAsync("ada", "secret-plans", "secret", "plans", target);
        var export = new ExportPage(user.Page);
        await export.OpenAsync(exportId);
        await export.RunNowAsync();

        var run = new RunPage(user.Page);
        await Expect(run.Status).ToHaveTextAsync("Failed", new() { Timeout = 60_000 });
        await Expect(run.Error).ToContainTextAsync(new Regex(@"^14\d S3\w+: .+"));
        await shots.TakeAsync(user.Page, "run-failed");
    }
}
