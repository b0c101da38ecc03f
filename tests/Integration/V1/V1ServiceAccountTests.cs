using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Exports;
using Portal.Testbed.Domino;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Admin;

namespace Portal.Tests.Integration.V1;

/// <summary>Keys no portal account stored: their exports belong to the designated service account and run with the caller's key.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class V1ServiceAccountTests(AdminFixture portal) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Exports_of_unstored_keys_belong_to_the_service_account_and_each_caller_sees_only_its_own()
    {
        var admin = portal.Admin;
        var robot = await portal.UserAsync("v1-robot@example.com");
        var adminToken = await portal.TokenAsync(admin);
        // Before an admin chooses the v1 settings, the v1 API says what to choose.
        var early = portal.Domino.AddUser("early");
        var (notSetUp, notSetUpJson) = await portal.V1Client(early.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "early", project_name = "p", export_group_name = "g", export_project_name = "n" }));
        var (notSetUpList, notSetUpListJson) = await portal.V1Client(early.ApiKey).GetJsonAsync("/v1/projects/status");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (notSetUp, notSetUpList));
        Assert.StartsWith("The v1 API is not set up: an admin must choose the Domino deployment", notSetUpJson.Text("message"), StringComparison.Ordinal);
        Assert.StartsWith("The v1 API is not set up", notSetUpListJson.Text("message"), StringComparison.Ordinal);
        await portal.SetUpV1Async();
        var settings = await portal.Client(adminToken).GetJsonAsync("/api/admin/v1-settings");
        var form = System.Text.Json.JsonSerializer.Deserialize<V1SettingsForm>(settings.Json.GetProperty("settings").GetRawText(),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        form.ServiceAccountId = robot.Id;
        using (var saved = await portal.Client(adminToken).PutAsync("/api/admin/v1-settings",
                   new StringContent(System.Text.Json.JsonSerializer.Serialize(form), System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        DominoUser dave = portal.Domino.AddUser("dave"), erin = portal.Domino.AddUser("erin");
        portal.Domino.AddProject(dave, "daves");
        portal.Domino.AddProject(erin, "erins");

        var (created, json) = await portal.V1Client(dave.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "dave", project_name = "daves", export_group_name = "dave", export_project_name = "daves" }));
        await portal.V1Client(erin.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "erin", project_name = "erins", export_group_name = "erin", export_project_name = "erins" }));
        var (_, davesView) = await portal.V1Client(dave.ApiKey).GetJsonAsync("/v1/projects/status");

        Assert.Equal(HttpStatusCode.Created, created);
        var export = (await portal.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Exports, e => e.ExportKey == json.Text("export_id"))))!;
        Assert.Equal(robot.Id, export.OwnerId);
        Assert.Equal(dave.ApiKey, await portal.InScopeAsync(sp => sp.GetRequiredService<ExportRequests>().OwnerKeyAsync(export, default)));
        Assert.Equal([json.Text("export_id")], davesView.EnumerateArray().Select(r => r.Text("export_id")));
    }

    [Fact]
    public async Task Settings_refuse_what_does_not_exist_and_are_for_admins_only()
    {
        var admin = portal.Admin;
        var user = await portal.UserAsync("settings-user@example.com");
        var pending = await portal.UserAsync("settings-pending@example.com", approve: false);
        var adminToken = await portal.TokenAsync(admin);

        using var bad = await portal.Client(adminToken).PutAsync("/api/admin/v1-settings",
            new StringContent("{\"dominoDeploymentId\": 999, \"serviceAccountId\": \"" + pending.Id + "\"}", System.Text.Encoding.UTF8, "application/json"));
        using var forbidden = await portal.Client(await portal.TokenAsync(user)).GetAsync("/api/admin/v1-settings");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("This Domino deployment no longer exists.", problem, StringComparison.Ordinal);
        Assert.Contains("Choose an approved account as the v1 service account.", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
