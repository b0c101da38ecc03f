using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Exports;
using Portal.Runs;
using Portal.Testbed.Domino;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Exports;

/// <summary>A portal with a Domino deployment on the double, the user's key for it, and a project with a commit to filter.</summary>
public sealed class FiltersPortal : PortalHost
{
    public HttpClient Http { get; private set; } = null!;
    public TestProject Project { get; private set; } = null!;
    public DominoUser DominoUser { get; private set; } = null!;
    public V1Setup Setup { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var user = await UserAsync("owner@example.com");
        Setup = await SetUpV1Async();
        DominoUser = Domino.AddUser("filterer");
        Project = Domino.AddProject(DominoUser, "notebooks");
        Project.Commit(
            new TestFile("train.py", TestContent.FromText("fit()")), new TestFile("scratch.tmp", TestContent.FromText("x")),
            new TestFile("data/raw/rows.csv", TestContent.Generated(3000, seed: 1)), new TestFile("nb/.ipynb_checkpoints/a.ipynb", TestContent.FromText("{}")),
            new TestFile("model.bin", TestContent.Generated(200_000, seed: 2)));
        // One export per Domino project (the conflict rule 134): the saving tests each take one of their own.
        Domino.AddProject(DominoUser, "saved");
        Domino.AddProject(DominoUser, "dry");
        Domino.AddProject(DominoUser, "image");
        await StoreDominoKeyAsync(user, Setup.DeploymentId, DominoUser.ApiKey);
        Http = await SignInAsync(user.Email);
    }

    public object Form(string group, object? include = null, object? exclude = null, object? maxFileSize = null) => new
    {
        kind = "Project", dominoDeploymentId = Setup.DeploymentId, dominoOwnerName = DominoUser.UserName, dominoProjectName = group is "saved" or "dry" or "image" ? group : Project.Name,
        groupName = group, projectName = "notebooks", exportFiles = true, exportImage = false, s3TargetId = Setup.S3TargetId, schedule = "0 3 * * *",
        timeZone = "UTC", enabled = true, includePatterns = include ?? Array.Empty<string>(), excludePatterns = exclude ?? Array.Empty<string>(), maxFileSize,
    };
}

/// <summary>/api and filters: bad patterns refused with the reason, the "keeps N of M" count, a dry run queued like Run now.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class ExportFiltersApiTests(FiltersPortal portal) : IClassFixture<FiltersPortal>
{
    public static TheoryData<string, string, string> BadFilters => new()
    {
        { "excludePatterns", "[\"data\\\\raw\\\\**\"]", "use '/' between folders, not '\\'" },
        { "includePatterns", "[\"../secrets/**\"]", "'.' and '..' are not allowed in a pattern" },
        { "excludePatterns", "[\"*.tmp\", \"\"]", "A pattern is empty." },
        { "excludePatterns", "[\"a\\u0000b\"]", "control character" },
        { "includePatterns", "[\"" + new string('x', 501) + "\"]", "at most 500 characters" },
        { "maxFileSize", "0", "The maximum file size must be a positive number of bytes." },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task A_bad_pattern_or_size_is_a_400_with_the_reason_on_create_update_and_preview(string field, string json, string reason)
    {
        var exports = await portal.DbAsync(db => db.Exports.CountAsync());
        var body = Body(portal.Form("bad"));
        body[field] = JsonNode.Parse(json);

        foreach (var (method, path) in new[] { ("POST", "/api/exports"), ("POST", "/api/exports/filter-preview") })
        {
            using var response = await portal.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            });
            var problem = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = JsonNode.Parse(problem)!["errors"]!.AsObject();
            var key = errors.Select(e => e.Key).Single(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(reason, errors[key]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(exports, await portal.DbAsync(db => db.Exports.CountAsync()));
    }

    [Fact]
    public async Task A_saved_filter_reads_back_trimmed_and_a_bad_change_leaves_it_as_it_was()
    {
        using var created = await portal.Http.PostAsJsonAsync("/api/exports",
            portal.Form("saved", include: new[] { " *.py ", "data/**" }, exclude: new[] { "data/raw/**" }, maxFileSize: 1_048_576));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        using var bad = await portal.Http.PutAsJsonAsync($"/api/exports/{id}", portal.Form("saved", exclude: new[] { "a/./b" }));
        var read = await portal.Http.GetFromJsonAsync<ExportDetails>($"/api/exports/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["*.py", "data/**"], read!.Form.IncludePatterns);
        Assert.Equal(["data/raw/**"], read.Form.ExcludePatterns);
        Assert.Equal(1_048_576, read.Form.MaxFileSize);
    }

    [Fact]
    public async Task The_preview_counts_the_files_and_bytes_of_the_current_commit_that_the_filters_keep()
    {
        using var all = await portal.Http.PostAsJsonAsync("/api/exports/filter-preview", portal.Form("preview"));
        using var some = await portal.Http.PostAsJsonAsync("/api/exports/filter-preview",
            portal.Form("preview", exclude: new[] { "**/.ipynb_checkpoints/**", "*.tmp", "data/raw/**" }, maxFileSize: 100_000));

        var everything = await all.Content.ReadFromJsonAsync<FilterPreview>();
        var kept = await some.Content.ReadFromJsonAsync<FilterPreview>();
        Assert.Equal(new FilterPreview(portal.Project.Head!.Id, 5, 5, 203_008, 203_008), everything);
        Assert.Equal(new FilterPreview(portal.Project.Head.Id, 1, 5, 5, 203_008), kept);
    }

    [Fact]
    public async Task The_preview_says_why_it_cannot_count_when_the_project_is_unknown()
    {
        var body = Body(portal.Form("missing"));
        body["dominoProjectName"] = "no-such-project";

        using var response = await portal.Http.PostAsJsonAsync("/api/exports/filter-preview", body);

        var preview = await response.Content.ReadFromJsonAsync<FilterPreview>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(preview!.CommitId);
        Assert.False(string.IsNullOrWhiteSpace(preview.Error));
    }

    [Fact]
    public async Task A_dry_run_is_queued_like_run_now_as_a_run_of_its_own_kind()
    {
        using var created = await portal.Http.PostAsJsonAsync("/api/exports", portal.Form("dry"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        var imageOnly = Body(portal.Form("image"));
        (imageOnly["exportFiles"], imageOnly["exportImage"], imageOnly["registryTargetId"]) = (false, true, portal.Setup.RegistryId);
        using var createdImage = await portal.Http.PostAsJsonAsync("/api/exports", imageOnly);
        var imageId = (await createdImage.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        using var response = await portal.Http.PostAsync($"/api/exports/{id}/dry-run", null);
        using var missing = await portal.Http.PostAsync("/api/exports/999999/dry-run", null);
        using var nothing = await portal.Http.PostAsync($"/api/exports/{imageId}/dry-run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<RunStarted>();
        var run = await portal.DbAsync(db => db.Runs.SingleAsync(r => r.Id == started!.RunId));
        Assert.Equal((RunKind.DryRun, id, RunTrigger.Manual), (run.Kind, run.ExportId, run.Trigger));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
        Assert.Contains("nothing to plan", (await nothing.Content.ReadFromJsonAsync<RunStarted>())!.Message);
        Assert.Equal(0, await portal.DbAsync(db => db.Runs.CountAsync(r => r.ExportId == imageId)));
    }

    private static JsonObject Body(object form) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(form))!.AsObject();
}
