using System.Net;
using System.Text.Json;
using Portal.Tests.Integration.Support;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// The status paths against docs/v1-compatibility.md ("Status records"): the 18 fields in order with their JSON types,
/// runtimes as the original wrote them (a float when measured, the integer 0 when not), nulls where the original sent
/// them, HTTP-date timestamps, and every answer checked against /v1/openapi.json.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class StatusConformanceTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private const string HttpDate = @"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$";

    private static readonly Dictionary<string, JsonValueKind[]> Types = new()
    {
        ["timestamp"] = [JsonValueKind.String],
        ["export_id"] = [JsonValueKind.String],
        ["status"] = [JsonValueKind.String],
        ["error_code"] = [JsonValueKind.Number],
        ["error_message"] = [JsonValueKind.String, JsonValueKind.Null],
        ["export_frequency_seconds"] = [JsonValueKind.Number],
        ["domino_username"] = [JsonValueKind.String],
        ["domino_project_name"] = [JsonValueKind.String],
        ["export_group_name"] = [JsonValueKind.String],
        ["export_project_name"] = [JsonValueKind.String],
        ["project_export_runtime_seconds"] = [JsonValueKind.Number],
        ["project_export_location"] = [JsonValueKind.String, JsonValueKind.Null],
        ["project_commit_id"] = [JsonValueKind.String, JsonValueKind.Null],
        ["project_export_status"] = [JsonValueKind.String, JsonValueKind.Null],
        ["image_export_runtime_seconds"] = [JsonValueKind.Number],
        ["image_export_location"] = [JsonValueKind.Array],
        ["image_export_status"] = [JsonValueKind.String, JsonValueKind.Null],
        ["domino_image_environment_name"] = [JsonValueKind.String, JsonValueKind.Null],
    };

    private async Task<V1Script> ScriptAsync(string? key) => new(portal.V1Client(key), await V1Document.LoadAsync(portal.Client()));

    private async Task<string> CreateAsync(V1Script script, string project)
    {
        portal.AliceProject(project);
        var created = await script.PostAsync("/v1/projects/create", JsonSerializer.Serialize(new
        {
            username = "alice", project_name = project, export_group_name = "status", export_project_name = project,
        }));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Json.GetProperty("export_id").GetString()!;
    }

    private static void AssertRecord(JsonElement record)
    {
        Assert.Equal(ProjectStatusFields, record.EnumerateObject().Select(p => p.Name));
        foreach (var property in record.EnumerateObject())
            Assert.True(Types[property.Name].Contains(property.Value.ValueKind), $"{property.Name} is {property.Value.ValueKind}: {record}");
        Assert.Matches(HttpDate, record.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task Status_answers_fit_the_published_document_float_runtimes_and_nulls_included()
    {
        var script = new V1Script(portal.V1Client(portal.DominoAlice.ApiKey), document: null);
        var id = await CreateAsync(script, "status-history");
        var done = await portal.AddRunAsync(id, StatusCode.Completed, r =>
        {
            (r.FilesStatus, r.ImageStatus) = (StatusCode.Completed, StatusCode.Completed);
            (r.FilesSeconds, r.ImageSeconds) = (90.0, 12.5);
            (r.CommitId, r.FilesLocation) = ("c0ffee", "s3://exports/projects/status/status-history/latest");
            (r.EnvironmentId, r.EnvironmentRevision, r.EnvironmentName) = ("env1", 3, "Python");
        }, "registry.example:5000/status/status-history:latest", "registry.example:5000/status/status-history:env1-v3");
        await portal.AddRunAsync(id, StatusCode.Skipped, r => (r.FilesStatus, r.ImageStatus) = (StatusCode.Skipped, StatusCode.Skipped));
        await portal.AddRunAsync(id, StatusCode.S3AccessDenied, r =>
        {
            (r.FilesStatus, r.ImageStatus) = (StatusCode.S3AccessDenied, StatusCode.Completed);
            r.Message = "The S3 target refused the credentials";
        });
        await portal.AddRunAsync(id, StatusCode.Running, r => (r.FilesStatus, r.ImageStatus) = (StatusCode.ProjectFileTansferToS3Started, StatusCode.Running));

        var history = await script.GetAsync($"/v1/projects/status/{id.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.OK, history.Status);
        var records = history.Json.EnumerateArray().ToList();
        records.ForEach(AssertRecord);
        Assert.Equal(["running", "error", "skipped", "success", "scheduled"], records.Select(r => r.GetProperty("status").GetString()));
        var (running, error, skipped, success) = (records[0], records[1], records[2], records[3]);
        Assert.Equal(("ProjectFileTansferToS3Started", "Running"),
            (running.GetProperty("project_export_status").GetString(), running.GetProperty("image_export_status").GetString()));
        Assert.Equal((142, "The S3 target refused the credentials"),
            (error.GetProperty("error_code").GetInt32(), error.GetProperty("error_message").GetString()));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("project_export_location").ValueKind);
        // Runtimes: a measured one is a Python float (90.0, not 90); one not measured in the run is the integer 0.
        Assert.Equal("90.0", success.GetProperty("project_export_runtime_seconds").GetRawText());
        Assert.Equal("12.5", success.GetProperty("image_export_runtime_seconds").GetRawText());
        Assert.Equal("0", skipped.GetProperty("project_export_runtime_seconds").GetRawText());
        Assert.Equal("0", error.GetProperty("image_export_runtime_seconds").GetRawText());
        Assert.Equal("Python v3 [env1]", success.GetProperty("domino_image_environment_name").GetString());
        Assert.Equal(["registry.example:5000/status/status-history:latest", "registry.example:5000/status/status-history:env1-v3"],
            success.GetProperty("image_export_location").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(done.StartedAt!.Value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture),
            success.GetProperty("timestamp").GetString());

        // The other status paths answer records of the same shape, checked against the document the same way.
        foreach (var path in new[] { "/v1/projects/status", "/v1/projects/status/ALICE", "/v1/projects/status/Alice/status-history" })
        {
            var answer = await script.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.NotEmpty(answer.Json.EnumerateArray());
            foreach (var record in answer.Json.EnumerateArray()) AssertRecord(record);
        }
        await script.AssertDocumentedAsync(portal.Client());
    }

    [Fact]
    public async Task Status_selects_as_the_original_did()
    {
        var script = await ScriptAsync(portal.DominoAlice.ApiKey);
        var one = await CreateAsync(script, "select-one");
        var two = await CreateAsync(script, "select-two");
        await portal.AddRunAsync(two, StatusCode.Completed, r => r.FilesStatus = StatusCode.Completed);
        await portal.AddRunAsync(two, StatusCode.Skipped, r => r.FilesStatus = StatusCode.Skipped);

        var all = await script.GetAsync("/v1/projects/status");
        var byUser = await script.GetAsync("/v1/projects/status/ALICE");
        var byProject = await script.GetAsync("/v1/projects/status/Alice/select-two");
        var byProjectWrongCase = await script.GetAsync("/v1/projects/status/alice/SELECT-TWO");

        // No id, or a user: each export's newest run only (a skipped one included).
        Assert.Equal(["scheduled", "skipped"], Pick(all, one, two));
        Assert.Equal(["scheduled", "skipped"], Pick(byUser, one, two));
        // An export id or a user and project: the history, newest first, skipped runs included.
        Assert.Equal(["skipped", "success", "scheduled"], byProject.Json.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        // The project name is matched exactly, as the original did.
        Assert.Empty(byProjectWrongCase.Json.EnumerateArray());

        static List<string?> Pick(ScriptAnswer answer, params string[] ids) =>
            ids.Select(id => answer.Json.EnumerateArray().Single(r => r.GetProperty("export_id").GetString() == id).GetProperty("status").GetString())
                .ToList();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-domino-key")]
    public async Task A_missing_or_unknown_key_is_401_with_an_empty_list(string? key)
    {
        var script = await ScriptAsync(key);

        foreach (var path in new[] { "/v1/projects/status", "/v1/projects/status/alice", "/v1/projects/status/alice/p", "/v1/images/status" })
        {
            var answer = await script.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("[]", answer.Json.GetRawText());
        }
    }
}
