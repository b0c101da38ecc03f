using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Tests.Integration.Support;
using Portal.Tests.Integration.V1;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Tests.Integration.Api;

/// <summary>POST /api/exports/{id}/restore: an archived export comes back disabled, audited; 404 and 409 say why not.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class ExportRestoreApiTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<int> CreateAsync(string project, string group)
    {
        portal.AliceProject(project);
        var created = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "alice", project_name = project, export_group_name = group, export_project_name = "x" }));
        return (await portal.ExportAsync(created.Json.Text("export_id")!))!.Id;
    }

    [Fact]
    public async Task An_archived_export_is_listed_by_the_Archived_filter_and_restored_disabled_once_and_audited()
    {
        var id = await CreateAsync("restorable", "restorable");
        using var alice = portal.Client(await portal.TokenAsync(portal.Alice));
        using var bob = portal.Client(await portal.TokenAsync(portal.Bob));

        using var notArchived = await alice.PostAsync($"/api/exports/{id}/restore", null);
        Assert.Equal(HttpStatusCode.Conflict, notArchived.StatusCode);
        Assert.Contains("not archived", (await notArchived.Content.ReadFromJsonAsync<ProblemDetails>(Web))!.Detail, StringComparison.Ordinal);

        (await alice.PostAsync($"/api/exports/{id}/archive", null)).EnsureSuccessStatusCode();
        var listed = await alice.GetFromJsonAsync<Page<ExportSummary>>("/api/exports?pageSize=200", Web);
        var archived = await alice.GetFromJsonAsync<Page<ExportSummary>>("/api/exports?outcome=archived&pageSize=200", Web);
        Assert.DoesNotContain(listed!.Items, e => e.Id == id);
        Assert.Contains(archived!.Items, e => e.Id == id && e.Archived);
        Assert.All(archived.Items, e => Assert.True(e.Archived));

        using var bobs = await bob.PostAsync($"/api/exports/{id}/restore", null);
        using var missing = await alice.PostAsync("/api/exports/999999/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, bobs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var restored = await alice.PostAsync($"/api/exports/{id}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var export = await portal.DbAsync(db => db.Exports.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.False(export.Archived);
        Assert.Null(export.ArchivedAt);
        Assert.False(export.Enabled);
        Assert.Null(export.NextRunAt);
        var audited = await portal.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.ExportRestore && a.ExportId == id).ToListAsync());
        Assert.Equal(portal.Alice.Email, Assert.Single(audited).Actor);

        using var again = await alice.PostAsync($"/api/exports/{id}/restore", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_archived_export_whose_names_another_export_took_is_not_restored_and_409_says_why()
    {
        var first = await CreateAsync("taken-one", "taken");
        using var alice = portal.Client(await portal.TokenAsync(portal.Alice));
        (await alice.PostAsync($"/api/exports/{first}/archive", null)).EnsureSuccessStatusCode();
        // Archiving freed the names: a new export takes them.
        await CreateAsync("taken-two", "taken");

        using var refused = await alice.PostAsync($"/api/exports/{first}/restore", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemDetails>(Web))!;
        Assert.Contains("another export uses its place", problem.Detail, StringComparison.Ordinal);
        Assert.True((await portal.DbAsync(db => db.Exports.AsNoTracking().SingleAsync(e => e.Id == first))).Archived);
    }
}
