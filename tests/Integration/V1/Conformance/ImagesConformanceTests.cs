using System.Net;
using System.Text.Json;
using Portal.Tests.Integration.Support;
using static Portal.Tests.Integration.V1.Conformance.V1Messages;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>
/// The image paths, which the original documented but answered 404 (docs/v1-compatibility.md, "Image exports"): the
/// spec's fields and the original's messages, every answer checked against /v1/openapi.json.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class ImagesConformanceTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private async Task<V1Script> ScriptAsync(string? key) => new(portal.V1Client(key), await V1Document.LoadAsync(portal.Client()));

    [Fact]
    public async Task Image_exports_answer_the_specs_fields_and_the_originals_messages()
    {
        var environment = portal.Domino.AddEnvironment("Conformance");
        environment.AddRevision("domino.example/env:1");
        var alice = await ScriptAsync(portal.DominoAlice.ApiKey);

        var created = await alice.PostAsync("/v1/images/create", JsonSerializer.Serialize(new { compute_environment_id = environment.Id }));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(ExportFields, created.Fields);
        var id = created.Json.GetProperty("export_id").GetString()!;
        await portal.AddRunAsync(id, StatusCode.Completed, r =>
        {
            (r.ImageStatus, r.ImageSeconds) = (StatusCode.Completed, 42.0);
            (r.EnvironmentId, r.EnvironmentRevision, r.EnvironmentName) = (environment.Id, 1, "Conformance");
        }, "registry.example:5000/public/domino:latest", $"registry.example:5000/public/domino:{environment.Id}-v1");

        var status = await alice.GetAsync($"/v1/images/status/{environment.Id}");
        Assert.Equal(HttpStatusCode.OK, status.Status);
        var newest = status.Json.EnumerateArray().First();
        Assert.Equal(V1Json.ImageStatusFields, newest.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("success", "42.0", 1), (newest.GetProperty("status").GetString(), newest.GetProperty("image_export_runtime_seconds").GetRawText(),
            newest.GetProperty("compute_environment_revision_id").GetInt32()));
        Assert.Equal($"registry.example:5000/public/domino:{environment.Id}-v1", newest.GetProperty("image_export_location").GetString());
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v1/images/status")).Status);

        var updated = await alice.PutAsync($"/v1/images/update/{id}", "{\"update_api_key\": false, \"export_project_name\": \"Conformance\"}");
        Assert.Equal((HttpStatusCode.OK, ProjectLowered), (updated.Status, updated.Message));
        Assert.Equal(ExportFields, updated.Fields);
        var invalid = await alice.PostAsync("/v1/images/create",
            JsonSerializer.Serialize(new { compute_environment_id = environment.Id, export_group_name = "bad group!" }));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, InvalidGroup), (invalid.Status, invalid.Message));

        var missing = await alice.PostAsync("/v1/images/create", "{\"compute_environment_id\": \"no-such-environment\"}");
        Assert.Equal((HttpStatusCode.BadRequest, "The input supplied is invalid: specified Domino Compute Environment does not exist"),
            (missing.Status, missing.Message));
        Assert.Equal(ExportFields, missing.Fields);
        var secret = portal.Domino.AddEnvironment("Conformance secret");
        secret.Deny(portal.DominoAlice);
        var denied = await alice.PostAsync("/v1/images/create", JsonSerializer.Serialize(new { compute_environment_id = secret.Id }));
        Assert.Equal((HttpStatusCode.Unauthorized, "Specified Domino API key does not have permission to the specified Domino Compute Environment"),
            (denied.Status, denied.Message));
        var byEnvironment = await alice.PutAsync($"/v1/images/update/{environment.Id}", "{\"update_api_key\": true}");
        Assert.Equal((HttpStatusCode.OK, id), (byEnvironment.Status, byEnvironment.Json.GetProperty("export_id").GetString()));
        var withoutFlag = await alice.PutAsync($"/v1/images/update/{id}", "{}");
        Assert.Equal((HttpStatusCode.BadRequest, Malformed, "missing required field: update_api_key"),
            (withoutFlag.Status, withoutFlag.Message, withoutFlag.Json.GetProperty("hint").GetString()));

        var unknown = await alice.DeleteAsync("/v1/images/archive/0123456789abcdef0123456789abcdef");
        Assert.Equal((HttpStatusCode.NotFound, UnknownExport), (unknown.Status, unknown.Message));
        Assert.Equal(["success", "message", "export_id"], unknown.Fields);
        var keyless = await (await ScriptAsync(null)).DeleteAsync($"/v1/images/archive/{id}");
        Assert.Equal((HttpStatusCode.Unauthorized, NoPermission), (keyless.Status, keyless.Message));
        Assert.Equal(["success", "message", "export_id"], keyless.Fields);
        var archived = await alice.DeleteAsync($"/v1/images/archive/{id}");
        Assert.Equal((HttpStatusCode.OK, id), (archived.Status, archived.Json.GetProperty("export_id").GetString()));
        Assert.Equal(["success", "message", "export_id"], archived.Fields);
    }
}
