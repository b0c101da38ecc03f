using System.Net;
using System.Net.Http.Json;
using System.Text;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>
/// Issue 13's smaller items: another user's export stays invisible, a key that may not export a project learns
/// nothing about its exports, v1 settings refuse unknown fields.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class SmallerItemsTests(SqliteFuzzPortal portal) : IClassFixture<SqliteFuzzPortal>
{
    [Fact]
    public async Task Another_users_export_is_404_for_its_runs_and_for_validating_a_change()
    {
        var other = portal.Identities["other"];
        var owner = portal.Identities["user"];
        var form = new StringContent("{\"kind\":\"Project\",\"groupName\":\"g\",\"projectName\":\"p\"}", Encoding.UTF8, "application/json");

        using var runs = await other.GetAsync($"/api/exports/{portal.ExportId}/runs");
        using var validate = await other.PostAsync($"/api/exports/{portal.ExportId}/validate", form);
        using var ownRuns = await owner.GetAsync($"/api/exports/{portal.ExportId}/runs");

        Assert.Equal(HttpStatusCode.NotFound, runs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, validate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownRuns.StatusCode);
        Assert.Contains("\"total\":1", await ownRuns.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_v1_settings_with_an_unknown_field_is_refused_and_keeps_the_settings()
    {
        var admin = portal.Identities["admin"];
        var before = await portal.SnapshotAsync();

        using var response = await admin.PutAsync("/api/admin/v1-settings",
            new StringContent("{\"domino_deployment_id\": 5}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.SnapshotAsync());
    }

    [Fact]
    public async Task A_key_that_cannot_see_a_project_is_refused_and_does_not_learn_that_it_is_already_exported()
    {
        // "fuzzer/fuzzed" is exported by the user; the other user's key belongs to a Domino user who cannot see it.
        var stranger = portal.Domino.AddUser("stranger");
        await portal.StoreDominoKeyAsync(portal.Other, portal.Setup.DeploymentId, stranger.ApiKey);
        var form = new ExportForm
        {
            DominoDeploymentId = portal.Setup.DeploymentId, DominoOwnerName = "fuzzer", DominoProjectName = "fuzzed",
            GroupName = "second", ProjectName = "copy", ExportImage = false, S3TargetId = portal.Setup.S3TargetId, Schedule = "0 * * * *",
        };
        var before = await portal.SnapshotAsync();

        using var validated = await portal.Identities["other"].PostAsJsonAsync("/api/exports/validate", form);
        using var created = await portal.Identities["other"].PostAsJsonAsync("/api/exports", form);
        using var ownerValidated = await portal.Identities["user"].PostAsJsonAsync("/api/exports/validate", form);

        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        var validation = (await validated.Content.ReadFromJsonAsync<ExportValidation>())!;
        Assert.False(validation.IsValid);
        Assert.Contains("permission", validation.ErrorFor(nameof(ExportForm.DominoProjectName)), StringComparison.Ordinal);
        Assert.DoesNotContain(StatusCode.APIProjectConflict.Describe(), validation.ErrorFor(nameof(ExportForm.DominoProjectName)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var createdBody = await created.Content.ReadAsStringAsync();
        Assert.Contains("permission", createdBody, StringComparison.Ordinal);
        Assert.DoesNotContain(StatusCode.APIProjectConflict.Describe(), createdBody, StringComparison.Ordinal);
        // The owner, whose key may export it, is told of the conflict (the rule itself still holds).
        var owners = (await ownerValidated.Content.ReadFromJsonAsync<ExportValidation>())!;
        Assert.Equal(StatusCode.APIProjectConflict.Describe(), owners.ErrorFor(nameof(ExportForm.DominoProjectName)));
        // Only the other user's stored key is new: no export was created.
        Assert.Equal(before["Exports"], (await portal.SnapshotAsync())["Exports"]);
    }
}
