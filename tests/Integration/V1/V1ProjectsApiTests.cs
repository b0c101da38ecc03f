using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Exports;
using Portal.Profile;
using Portal.Runs;
using Portal.Security;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1;

[Collection(PortalHostCollection.Name)]
public sealed class V1ProjectsApiTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private const string Create = "/v1/projects/create";

    private static string CreateBody(string project, string group, string name, string owner = "alice") =>
        V1Json.Body(new { username = owner, project_name = project, export_group_name = group, export_project_name = name });

    [Fact]
    public async Task Creates_an_export_owned_by_the_account_that_stored_the_key_and_queues_a_first_run()
    {
        portal.AliceProject("churn");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);

        var (status, json) = await http.PostAsync(Create, CreateBody("churn", "analytics", "churn"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(V1Json.ExportResponseFields, json.Names());
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("message").ValueKind);
        Assert.Matches("^[0-9a-f]{32}$", json.Text("export_id"));
        Assert.Equal(900, json.GetProperty("export_frequency_seconds").GetInt32());

        var export = await portal.ExportAsync(json.Text("export_id")!);
        Assert.NotNull(export);
        Assert.Equal(portal.Alice.Id, export.OwnerId);
        Assert.Equal(("alice", "churn", "analytics", "churn"), (export.DominoOwnerName, export.DominoProjectName, export.GroupName, export.ProjectName));
        Assert.Equal((portal.Setup.DeploymentId, portal.Setup.S3TargetId, portal.Setup.RegistryId),
            (export.DominoDeploymentId, export.S3DestinationId!.Value, export.RegistryDestinationId!.Value));
        Assert.Equal("*/15 * * * *", export.Schedule);
        Assert.True(export.ExportFiles && export.ExportImage && export.Enabled);
        // The caller's key is kept with the export, protected, and used by its runs.
        Assert.DoesNotContain(portal.DominoAlice.ApiKey, export.ApiKey);
        Assert.Equal(DominoKeyService.Hash(portal.DominoAlice.ApiKey), export.ApiKeyHash);
        var runKey = await portal.InScopeAsync(sp => sp.GetRequiredService<ExportRequests>().OwnerKeyAsync(export, default));
        Assert.Equal(portal.DominoAlice.ApiKey, runKey);
        var run = await portal.DbAsync(db => db.Runs.SingleAsync(r => r.ExportId == export.Id));
        Assert.Equal((RunTrigger.Api, StatusCode.Scheduled), (run.Trigger, run.Status));
        Assert.NotNull(run.JobId);
    }

    [Fact]
    public async Task Lower_cases_names_with_the_original_warnings_joined_by_a_semicolon_and_two_spaces()
    {
        portal.AliceProject("Forecast");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);

        var (status, json) = await http.PostAsync(Create, CreateBody("Forecast", "Finance", "Forecast-Q3"), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(
            "Warning: request has been processed, but the Export Group Name has been automatically converted to lower case to comply with Docker Registry standards;  " +
            "Warning: request has been processed, but the Export Project Name has been automatically converted to lower case to comply with Docker Registry standards;  " +
            "Warning: request has been processed, but the 'Content-Type: application/json' header is missing",
            json.Text("message"));
        var export = await portal.ExportAsync(json.Text("export_id")!);
        Assert.Equal(("finance", "forecast-q3", "Forecast"), (export!.GroupName, export.ProjectName, export.DominoProjectName));
    }

    [Fact]
    public async Task Maps_a_frequency_in_seconds_onto_the_nearest_schedule_and_reports_the_real_one()
    {
        portal.AliceProject("hourly");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);

        var (status, json) = await http.PostAsync(Create, V1Json.Body(new
        {
            username = "alice", project_name = "hourly", export_group_name = "ops", export_project_name = "hourly", export_frequency_seconds = 3500,
        }));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(3600, json.GetProperty("export_frequency_seconds").GetInt32());
        Assert.Equal("0 * * * *", (await portal.ExportAsync(json.Text("export_id")!))!.Schedule);
    }

    [Theory]
    [InlineData("{\"username\": \"alice\",", "application/json", "the body is not valid JSON")]
    [InlineData("", "application/json", "the body is empty; send a JSON object")]
    [InlineData("username=alice", "application/x-www-form-urlencoded", "the body is not valid JSON")]
    [InlineData("[1, 2]", "application/json", "the body must be a JSON object, not an array")]
    [InlineData("{\"username\": \"alice\", \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\", \"owner\": 1}",
        "application/json", "unknown field 'owner' (allowed: username, project_name, export_group_name, export_project_name, export_frequency_seconds)")]
    [InlineData("{\"username\": \"alice\", \"export_group_name\": \"g\"}", "application/json",
        "missing required fields: project_name, export_project_name")]
    [InlineData("{\"username\": 7, \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\"}", "application/json",
        "field 'username' must be a string, not a number")]
    [InlineData("{\"username\": \"alice\", \"project_name\": \"p\", \"export_group_name\": \"g\", \"export_project_name\": \"n\", \"export_frequency_seconds\": 10}",
        "application/json", "field 'export_frequency_seconds' must be at least 60 (it was 10)")]
    public async Task Answers_bad_input_with_400_the_130_message_and_a_hint_that_says_what_to_fix_and_changes_nothing(string body,
        string contentType, string hint)
    {
        portal.AliceProject("p");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var (exports, runs) = (await portal.CountAsync(), await portal.RunCountAsync());

        var (status, json) = await http.PostAsync(Create, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([.. V1Json.ExportResponseFields, "hint"], json.Names());
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Equal("The input supplied is invalid: malformed JSON", json.Text("message"));
        Assert.StartsWith(hint, json.Text("hint"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("export_id").ValueKind);
        Assert.Equal((exports, runs), (await portal.CountAsync(), await portal.RunCountAsync()));
    }

    [Fact]
    public async Task Answers_a_project_that_does_not_exist_with_400_131()
    {
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var before = await portal.CountAsync();

        var (status, json) = await http.PostAsync(Create, CreateBody("no-such-project", "g", "n"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The input supplied is invalid: specified Domino Project does not exist", json.Text("message"));
        Assert.Equal(before, await portal.CountAsync());
    }

    [Fact]
    public async Task Answers_a_key_without_access_with_401_132()
    {
        var project = portal.Domino.AddProject(portal.DominoBob, "bobs");
        project.Grant(portal.DominoAlice, canChangeSettings: false);
        var before = await portal.CountAsync();

        var (readOnly, readOnlyJson) = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync(Create, CreateBody("bobs", "g1", "n1", "bob"));
        var (unknownKey, unknownJson) = await portal.V1Client("not-a-domino-key").PostAsync(Create, CreateBody("bobs", "g1", "n1", "bob"));
        var (noKey, _) = await portal.V1Client(null).PostAsync(Create, CreateBody("bobs", "g1", "n1", "bob"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (readOnly, unknownKey, noKey));
        Assert.Equal("Specified Domino API key does not have permission to the specified Domino Project", readOnlyJson.Text("message"));
        Assert.Equal("Specified Domino API key does not have permission to the specified Domino Project", unknownJson.Text("message"));
        Assert.Equal(before, await portal.CountAsync());
    }

    [Theory]
    [InlineData("bad group!", "fine", "Export Group Name is invalid")]
    [InlineData("fine", "-leading-dash", "Export Project Name is invalid")]
    [InlineData("a...b", "fine", "Export Group Name is invalid")]
    public async Task Answers_invalid_names_with_422_136_or_137(string group, string name, string start)
    {
        portal.AliceProject("named");
        var before = await portal.CountAsync();

        var (status, json) = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync(Create, CreateBody("named", group, name));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.StartsWith(start + ": name components may contain lowercase letters", json.Text("message"), StringComparison.Ordinal);
        Assert.Equal(before, await portal.CountAsync());
    }

    [Fact]
    public async Task Answers_conflicts_with_409_134_for_the_same_project_then_133_for_the_same_names()
    {
        portal.AliceProject("twice");
        portal.AliceProject("other");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(Create, CreateBody("twice", "dup", "first"))).Status);
        var before = (await portal.CountAsync(), await portal.RunCountAsync());

        var (sameProject, projectJson) = await http.PostAsync(Create, CreateBody("twice", "dup", "second"));
        var (sameNames, namesJson) = await http.PostAsync(Create, CreateBody("other", "dup", "first"));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (sameProject, sameNames));
        Assert.Equal("Specified Domino Username and Project are already being exported as part of another export job", projectJson.Text("message"));
        Assert.Equal("Specified Export Group Name and Project Name are already being exported as part of another export job", namesJson.Text("message"));
        Assert.Equal(before, (await portal.CountAsync(), await portal.RunCountAsync()));
    }

    [Fact]
    public async Task Updates_names_flag_key_and_frequency_and_forces_a_full_re_export()
    {
        portal.AliceProject("renamed");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var id = (await http.PostAsync(Create, CreateBody("renamed", "old", "name"))).Json.Text("export_id")!;
        await portal.DbAsync(db => db.Exports.Where(e => e.ExportKey == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FilesCommitId, "abc").SetProperty(e => e.ImageEnvironmentId, "env")));

        var (status, json) = await http.PutAsync($"/v1/projects/update/{id}", V1Json.Body(new
        {
            export_group_name = "New", export_project_name = (string?)null, disabled = true, export_frequency_seconds = 1800,
        }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(V1Json.ExportResponseFields, json.Names());
        Assert.Equal(id, json.Text("export_id"));
        Assert.Equal(1800, json.GetProperty("export_frequency_seconds").GetInt32());
        Assert.StartsWith("Warning: request has been processed, but the Export Group Name", json.Text("message"), StringComparison.Ordinal);
        var export = (await portal.ExportAsync(id))!;
        Assert.Equal(("new", "name", false, "*/30 * * * *"), (export.GroupName, export.ProjectName, export.Enabled, export.Schedule));
        Assert.Null(export.FilesCommitId);
        Assert.Null(export.ImageEnvironmentId);
        Assert.Null(export.NextRunAt);
    }

    [Fact]
    public async Task Update_api_key_stores_the_callers_key_with_the_export()
    {
        var project = portal.AliceProject("rekeyed");
        var id = (await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync(Create, CreateBody("rekeyed", "rekeyed", "x"))).Json.Text("export_id")!;
        // An admin's stored key reaches every export (the UI's rule), here with access to the project in Domino.
        var dominoAdmin = portal.Domino.AddUser("the-admin");
        project.Grant(dominoAdmin);
        await portal.StoreDominoKeyAsync(portal.Admin, portal.Setup.DeploymentId, dominoAdmin.ApiKey);

        var (status, _) = await portal.V1Client(dominoAdmin.ApiKey).PutAsync($"/v1/projects/update/{id}", "{\"update_api_key\": true}");

        Assert.Equal(HttpStatusCode.OK, status);
        var export = (await portal.ExportAsync(id))!;
        Assert.Equal(portal.Alice.Id, export.OwnerId);
        Assert.Equal(DominoKeyService.Hash(dominoAdmin.ApiKey), export.ApiKeyHash);
        Assert.Equal(dominoAdmin.ApiKey, await portal.InScopeAsync(sp => sp.GetRequiredService<ExportRequests>().OwnerKeyAsync(export, default)));
    }

    [Fact]
    public async Task Update_answers_404_135_for_unknown_and_foreign_exports_and_401_without_project_access_changing_nothing()
    {
        var project = portal.AliceProject("guarded");
        var id = (await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync(Create, CreateBody("guarded", "guarded", "x"))).Json.Text("export_id")!;
        var before = await portal.ExportAsync(id);

        var (unknown, unknownJson) = await portal.V1Client(portal.DominoAlice.ApiKey).PutAsync("/v1/projects/update/0123456789abcdef0123456789abcdef", "{}");
        // Bob is another portal user: Alice's export does not exist for him (404, so ids do not leak).
        project.Grant(portal.DominoBob);
        var (foreign, _) = await portal.V1Client(portal.DominoBob.ApiKey).PutAsync($"/v1/projects/update/{id}", "{\"disabled\": true}");
        project.Revoke(portal.DominoBob);
        var (invalid, _) = await portal.V1Client(portal.DominoAlice.ApiKey).PutAsync($"/v1/projects/update/{id}", "{\"export_group_name\": \"no way\"}");
        var (badType, badTypeJson) = await portal.V1Client(portal.DominoAlice.ApiKey).PutAsync($"/v1/projects/update/{id}", "{\"disabled\": \"yes\"}");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("Specified Export ID does not exist", unknownJson.Text("message"));
        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal(HttpStatusCode.BadRequest, badType);
        Assert.Equal("field 'disabled' must be true or false, not a string", badTypeJson.Text("hint"));
        var after = (await portal.ExportAsync(id))!;
        Assert.Equal((before!.Enabled, before.GroupName, before.UpdatedAt), (after.Enabled, after.GroupName, after.UpdatedAt));
    }

    [Fact]
    public async Task Update_answers_409_when_new_names_are_taken()
    {
        portal.AliceProject("first-of-two");
        portal.AliceProject("second-of-two");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        await http.PostAsync(Create, CreateBody("first-of-two", "taken", "names"));
        var id = (await http.PostAsync(Create, CreateBody("second-of-two", "free", "names"))).Json.Text("export_id")!;

        var (status, json) = await http.PutAsync($"/v1/projects/update/{id}", "{\"export_group_name\": \"taken\"}");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Specified Export Group Name and Project Name are already being exported as part of another export job", json.Text("message"));
        Assert.Equal("free", (await portal.ExportAsync(id))!.GroupName);
    }

    [Fact]
    public async Task Status_lists_the_last_run_of_each_visible_export_in_the_original_format()
    {
        portal.AliceProject("reported");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var id = (await http.PostAsync(Create, CreateBody("reported", "reported", "x"))).Json.Text("export_id")!;
        var run = await portal.AddRunAsync(id, StatusCode.Completed, r =>
        {
            r.FilesStatus = StatusCode.Completed;
            r.ImageStatus = StatusCode.Completed;
            r.CommitId = "c0ffee";
            r.FilesLocation = "s3://exports/projects/reported/x/latest";
            r.FilesSeconds = 12.5;
            r.ImageSeconds = 30.25;
            r.EnvironmentId = "env1";
            r.EnvironmentRevision = 3;
            r.EnvironmentName = "Python";
        }, "registry.example:5000/reported/x:latest", "registry.example:5000/reported/x:env1-v3");

        var (status, json) = await http.GetJsonAsync("/v1/projects/status");

        Assert.Equal(HttpStatusCode.OK, status);
        var record = json.EnumerateArray().Single(r => r.Text("export_id") == id);
        Assert.Equal(V1Json.ProjectStatusFields, record.Names());
        Assert.Equal(run.StartedAt!.Value.UtcDateTime.ToString("r"), record.Text("timestamp"));
        Assert.Equal(("success", 0), (record.Text("status"), record.GetProperty("error_code").GetInt32()));
        Assert.Equal(12.5, record.GetProperty("project_export_runtime_seconds").GetDouble());
        Assert.Equal(30.25, record.GetProperty("image_export_runtime_seconds").GetDouble());
        Assert.Equal(("c0ffee", "Completed", "Completed"),
            (record.Text("project_commit_id"), record.Text("project_export_status"), record.Text("image_export_status")));
        Assert.Equal("s3://exports/projects/reported/x/latest", record.Text("project_export_location"));
        Assert.Equal(["registry.example:5000/reported/x:latest", "registry.example:5000/reported/x:env1-v3"],
            record.GetProperty("image_export_location").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Python v3 [env1]", record.Text("domino_image_environment_name"));
        Assert.Equal(("alice", "reported", 900), (record.Text("domino_username"), record.Text("domino_project_name"),
            record.GetProperty("export_frequency_seconds").GetInt32()));
    }

    [Fact]
    public async Task Status_by_export_id_is_the_history_newest_first_with_skipped_runs_and_errors()
    {
        portal.AliceProject("history");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var id = (await http.PostAsync(Create, CreateBody("history", "history", "x"))).Json.Text("export_id")!;
        await portal.AddRunAsync(id, StatusCode.Skipped, r => { r.FilesStatus = StatusCode.Skipped; r.ImageStatus = StatusCode.Skipped; });
        await portal.AddRunAsync(id, StatusCode.S3AccessDenied, r => { r.FilesStatus = StatusCode.S3AccessDenied; r.Message = "The S3 target refused the credentials"; });

        var (status, json) = await http.GetJsonAsync($"/v1/projects/status/{id.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.OK, status);
        var records = json.EnumerateArray().ToList();
        Assert.Equal(["error", "skipped", "scheduled"], records.Select(r => r.Text("status")));
        Assert.Equal(142, records[0].GetProperty("error_code").GetInt32());
        Assert.Equal("The S3 target refused the credentials", records[0].Text("error_message"));
        Assert.Equal(0, records[0].GetProperty("project_export_runtime_seconds").GetInt32());
        Assert.Empty(records[0].GetProperty("image_export_location").EnumerateArray());
    }

    [Fact]
    public async Task Status_by_user_and_by_user_and_project()
    {
        portal.AliceProject("by-user-one");
        portal.AliceProject("by-user-two");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var one = (await http.PostAsync(Create, CreateBody("by-user-one", "by-user", "one"))).Json.Text("export_id")!;
        var two = (await http.PostAsync(Create, CreateBody("by-user-two", "by-user", "two"))).Json.Text("export_id")!;
        await portal.AddRunAsync(two, StatusCode.Completed, r => r.FilesStatus = StatusCode.Completed);

        var (_, byUser) = await http.GetJsonAsync("/v1/projects/status/ALICE");
        var (_, byProject) = await http.GetJsonAsync("/v1/projects/status/Alice/by-user-two");

        var ids = byUser.EnumerateArray().Select(r => r.Text("export_id")).ToList();
        Assert.Contains(one, ids);
        Assert.Contains(two, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal([two, two], byProject.EnumerateArray().Select(r => r.Text("export_id")));
        Assert.Equal(["success", "scheduled"], byProject.EnumerateArray().Select(r => r.Text("status")));
    }

    [Fact]
    public async Task Status_shows_only_the_callers_exports_and_answers_a_bad_key_with_401_and_an_empty_list()
    {
        portal.AliceProject("private");
        var id = (await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync(Create, CreateBody("private", "private", "x"))).Json.Text("export_id")!;

        var (_, bobs) = await portal.V1Client(portal.DominoBob.ApiKey).GetJsonAsync("/v1/projects/status");
        var (_, bobsById) = await portal.V1Client(portal.DominoBob.ApiKey).GetJsonAsync($"/v1/projects/status/{id}");
        var (badStatus, bad) = await portal.V1Client("nope").GetJsonAsync("/v1/projects/status");

        Assert.DoesNotContain(bobs.EnumerateArray(), r => r.Text("export_id") == id);
        Assert.Empty(bobsById.EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, badStatus);
        Assert.Equal(JsonValueKind.Array, bad.ValueKind);
        Assert.Empty(bad.EnumerateArray());
    }

    [Fact]
    public async Task Domino_failing_unexpectedly_is_503_with_the_199_text()
    {
        var stranger = portal.Domino.AddUser("stranger");
        portal.Domino.Faults.Fail("/v4/auth/principal", times: 5, status: 502, body: "bad gateway");
        try
        {
            var (status, json) = await portal.V1Client(stranger.ApiKey).PostAsync(Create, CreateBody("x", "y", "z", "stranger"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("An unexpected error has occurred: DominoException", json.Text("message"));
        }
        finally
        {
            portal.Domino.Faults.Clear();
        }
    }

    [Fact]
    public async Task Version_answers_v1()
    {
        var (status, json) = await portal.Client().GetJsonAsync("/version");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{\"api_version\":\"v1\"}", json.GetRawText());
    }

    [Fact]
    public async Task A_key_no_account_stored_is_refused_with_what_the_admin_must_do()
    {
        var outsider = portal.Domino.AddUser("outsider");
        portal.Domino.AddProject(outsider, "outside");

        var (status, json) = await portal.V1Client(outsider.ApiKey).PostAsync(Create, CreateBody("outside", "outside", "x", "outsider"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Specified Domino API key does not have permission to the specified Domino Project", json.Text("message"));
        Assert.Contains("no v1 service account is designated", json.Text("hint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_stored_by_a_disabled_account_is_refused()
    {
        var carol = await portal.UserAsync("carol@example.com");
        var dominoCarol = portal.Domino.AddUser("carol");
        portal.Domino.AddProject(dominoCarol, "carols");
        await portal.StoreDominoKeyAsync(carol, portal.Setup.DeploymentId, dominoCarol.ApiKey);
        await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Accounts.AccountService>().DisableAsync(carol.Id, "admin@example.com"));

        var (status, json) = await portal.V1Client(dominoCarol.ApiKey).PostAsync(Create, CreateBody("carols", "carols", "x", "carol"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Specified Domino API key does not have permission to the specified Domino Project", json.Text("message"));
        Assert.StartsWith("The portal account that stored this Domino API key is disabled", json.Text("hint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_protected_key_is_readable_only_as_a_domino_key()
    {
        portal.AliceProject("protected");
        var id = (await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync(Create, CreateBody("protected", "protected", "x"))).Json.Text("export_id")!;
        var export = (await portal.ExportAsync(id))!;

        var secrets = portal.Services.GetRequiredService<ISecretProtector>();

        Assert.Equal(portal.DominoAlice.ApiKey, secrets.ForPurpose(SecretPurposes.DominoApiKey).Unprotect(export.ApiKey!));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            secrets.ForPurpose(SecretPurposes.S3SecretAccessKey).Unprotect(export.ApiKey!));
    }
}
