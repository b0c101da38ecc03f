using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Exports;
using Portal.Runs;
using Portal.Tests.Integration.Hardening;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Exports;

/// <summary>The export's bandwidth limit through /api: refused with a reason below 1 KiB/s, kept when valid, handed to the engine.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class BandwidthLimitApiTests(SqliteFuzzPortal portal) : IClassFixture<SqliteFuzzPortal>
{
    [Fact]
    public async Task A_limit_below_1_KiB_per_second_is_400_with_the_rule_and_a_valid_one_reaches_the_engine()
    {
        var user = portal.Identities["user"];
        var details = (await user.GetFromJsonAsync<ExportDetails>($"/api/exports/{portal.ExportId}"))!;
        var form = details.Form;
        var before = await portal.SnapshotAsync();

        form.BandwidthLimit = 500;
        using var refused = await user.PutAsJsonAsync($"/api/exports/{portal.ExportId}", form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at least 1 KiB/s", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before["Exports"], (await portal.SnapshotAsync())["Exports"]);

        form.BandwidthLimit = 50L << 20;
        using var saved = await user.PutAsJsonAsync($"/api/exports/{portal.ExportId}", form);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = (await user.GetFromJsonAsync<ExportDetails>($"/api/exports/{portal.ExportId}"))!;
        Assert.Equal(50L << 20, read.Form.BandwidthLimit);
        var plan = await portal.InScopeAsync(sp => sp.GetRequiredService<ExportRequests>()
            .PlanAsync(portal.ExportId, runId: 1, RunKind.Export, RunTrigger.Manual, force: false, CancellationToken.None));
        Assert.Equal(50L << 20, plan.Files?.BandwidthLimit);
    }
}
