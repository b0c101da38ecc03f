using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1;

[Collection(PortalHostCollection.Name)]
public sealed class V1ImagesApiTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private const string Create = "/v1/images/create";

    private string Environment(string name)
    {
        var environment = portal.Domino.AddEnvironment(name);
        environment.AddRevision("domino.example/env:1");
        return environment.Id;
    }

    [Fact]
    public async Task Creates_an_image_export_with_the_specs_default_names_and_queues_a_run()
    {
        var env = Environment("Python 3");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);

        var (status, json) = await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = env }));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(V1Json.ExportResponseFields, json.Names());
        var export = (await portal.ExportAsync(json.Text("export_id")!))!;
        Assert.Equal((ExportKind.Environment, env, "public", "domino"), (export.Kind, export.EnvironmentId, export.GroupName, export.ProjectName));
        Assert.Equal((false, true, portal.Setup.RegistryId), (export.ExportFiles, export.ExportImage, export.RegistryDestinationId!.Value));
        Assert.Equal(portal.Alice.Id, export.OwnerId);
        Assert.Equal(1, await portal.DbAsync(db => db.Runs.CountAsync(r => r.ExportId == export.Id && r.Status == StatusCode.Scheduled)));
    }

    [Fact]
    public async Task Refuses_unknown_and_forbidden_environments_and_taken_names_changing_nothing()
    {
        var denied = portal.Domino.AddEnvironment("secret");
        denied.Deny(portal.DominoAlice);
        var env = Environment("R");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        Assert.Equal(HttpStatusCode.Created,
            (await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = env, export_group_name = "img", export_project_name = "r" }))).Status);
        var before = (await portal.CountAsync(), await portal.RunCountAsync());

        var (unknown, unknownJson) = await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = "nope" }));
        var (forbidden, forbiddenJson) = await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = denied.Id }));
        var (taken, takenJson) = await http.PostAsync(Create,
            V1Json.Body(new { compute_environment_id = Environment("Julia"), export_group_name = "img", export_project_name = "r" }));
        var (missing, missingJson) = await http.PostAsync(Create, "{\"export_group_name\": \"x\"}");
        var (badKey, _) = await portal.V1Client("nope").PostAsync(Create, V1Json.Body(new { compute_environment_id = env }));

        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("The input supplied is invalid: specified Domino Compute Environment does not exist", unknownJson.Text("message"));
        Assert.Equal(HttpStatusCode.Unauthorized, forbidden);
        Assert.Equal("Specified Domino API key does not have permission to the specified Domino Compute Environment", forbiddenJson.Text("message"));
        Assert.Equal(HttpStatusCode.Conflict, taken);
        Assert.Equal("Specified Export Group Name and Project Name are already being exported as part of another export job", takenJson.Text("message"));
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("missing required field: compute_environment_id", missingJson.Text("hint"));
        Assert.Equal(HttpStatusCode.Unauthorized, badKey);
        Assert.Equal(before, (await portal.CountAsync(), await portal.RunCountAsync()));
    }

    [Fact]
    public async Task Updates_by_export_id_or_environment_id_and_requires_update_api_key()
    {
        var env = Environment("Spark");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var id = (await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = env, export_group_name = "spark", export_project_name = "base" })))
            .Json.Text("export_id")!;

        var (byEnvironment, json) = await http.PutAsync($"/v1/images/update/{env}",
            V1Json.Body(new { update_api_key = false, export_project_name = "renamed" }));
        var (byId, _) = await http.PutAsync($"/v1/images/update/{id}", V1Json.Body(new { update_api_key = true, disabled = true }));
        var (withoutFlag, withoutFlagJson) = await http.PutAsync($"/v1/images/update/{id}", "{\"export_project_name\": \"again\"}");
        var (unknown, _) = await http.PutAsync("/v1/images/update/unknown-environment", "{\"update_api_key\": false}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byEnvironment, byId));
        Assert.Equal(id, json.Text("export_id"));
        var export = (await portal.ExportAsync(id))!;
        Assert.Equal(("renamed", false), (export.ProjectName, export.Enabled));
        Assert.Equal(HttpStatusCode.BadRequest, withoutFlag);
        Assert.Equal("missing required field: update_api_key", withoutFlagJson.Text("hint"));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Status_reports_image_records_in_the_specs_fields()
    {
        var env = Environment("Torch");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var id = (await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = env, export_group_name = "torch", export_project_name = "gpu" })))
            .Json.Text("export_id")!;
        await portal.AddRunAsync(id, StatusCode.Completed, r =>
        {
            r.ImageStatus = StatusCode.Completed;
            r.ImageSeconds = 42.5;
            r.EnvironmentId = env;
            r.EnvironmentRevision = 1;
            r.EnvironmentName = "Torch";
        }, "registry.example:5000/torch/gpu:latest", $"registry.example:5000/torch/gpu:{env}-v1");

        var (allStatus, all) = await http.GetJsonAsync("/v1/images/status");
        var (_, byEnvironment) = await http.GetJsonAsync($"/v1/images/status/{env}");
        var (_, byId) = await http.GetJsonAsync($"/v1/images/status/{id}");
        var (badKey, bad) = await portal.V1Client("nope").GetJsonAsync("/v1/images/status");

        Assert.Equal(HttpStatusCode.OK, allStatus);
        var last = all.EnumerateArray().Single(r => r.Text("export_id") == id);
        Assert.Equal(V1Json.ImageStatusFields, last.Names());
        Assert.Equal(("success", env, 1), (last.Text("status"), last.Text("compute_environment_id"), last.GetProperty("compute_environment_revision_id").GetInt32()));
        Assert.Equal($"registry.example:5000/torch/gpu:{env}-v1", last.Text("image_export_location"));
        Assert.Equal(42.5, last.GetProperty("image_export_runtime_seconds").GetDouble());
        Assert.Equal($"Torch v1 [{env}]", last.Text("domino_image_environment_name"));
        Assert.Equal(["success", "scheduled"], byEnvironment.EnumerateArray().Select(r => r.Text("status")));
        Assert.Equal(byEnvironment.GetRawText(), byId.GetRawText());
        Assert.Equal((HttpStatusCode.Unauthorized, "[]"), (badKey, bad.GetRawText()));
    }

    [Fact]
    public async Task Archive_stops_the_export_and_frees_its_names_and_answers_404_afterwards()
    {
        var env = Environment("Archived");
        using var http = portal.V1Client(portal.DominoAlice.ApiKey);
        var id = (await http.PostAsync(Create, V1Json.Body(new { compute_environment_id = env, export_group_name = "gone", export_project_name = "soon" })))
            .Json.Text("export_id")!;

        var (status, json) = await http.DeleteJsonAsync($"/v1/images/archive/{id}");
        var (again, againJson) = await http.DeleteJsonAsync($"/v1/images/archive/{id}");
        var (bobs, _) = await portal.V1Client(portal.DominoBob.ApiKey).DeleteJsonAsync($"/v1/images/archive/{env}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["success", "message", "export_id"], json.Names());
        Assert.Equal((true, id), (json.GetProperty("success").GetBoolean(), json.Text("export_id")));
        var export = (await portal.ExportAsync(id))!;
        Assert.True(export.Archived);
        Assert.False(export.Enabled);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("Specified Export ID does not exist", againJson.Text("message"));
        Assert.Equal(JsonValueKind.Null, againJson.GetProperty("export_id").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, bobs);
        // The names are free again.
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(Create,
            V1Json.Body(new { compute_environment_id = env, export_group_name = "gone", export_project_name = "soon" }))).Status);
    }
}
