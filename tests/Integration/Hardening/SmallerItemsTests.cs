using System.Net;
using System.Text;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Hardening;

/// <summary>Issue 13's smaller items: another user's export stays invisible, v1 settings refuse unknown fields.</summary>
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
}
