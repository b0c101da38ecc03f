using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accounts;
using Portal.Client.Profile;
using Portal.Domain.Runs;
using Portal.Profile;
using Portal.Runs;
using Portal.Tests.Integration.Support;
using Portal.Tests.Integration.V1;
using Portal.Contracts.Exports;
using Portal.Contracts.Profile;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Tests.Integration.Api;

/// <summary>The portal's own /api used by scripts: personal access tokens from creation to revocation, and the UI's ownership rules.</summary>
[Collection(PortalHostCollection.Name)]
public sealed class ApiTokenTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_token_is_created_in_a_browser_session_shown_once_stored_hashed_and_works_until_revoked()
    {
        using var browser = await portal.SignInAsync(portal.Alice.Email);

        using var created = await browser.PostAsJsonAsync("/api/profile/tokens", new CreateTokenRequest { Name = "nightly", ExpiresInDays = 30 });
        var token = (await created.Content.ReadFromJsonAsync<CreatedToken>(Web))!;
        var listed = await browser.GetStringAsync("/api/profile/tokens");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("dxp_", token.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret!, listed, StringComparison.Ordinal);
        var stored = await portal.DbAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == token.Token!.Id));
        Assert.Equal(PersonalAccessTokenService.Hash(token.Secret!), stored.TokenHash);
        Assert.Equal(token.Secret![..12], stored.Prefix);
        Assert.Equal(30, (stored.ExpiresAt - stored.CreatedAt).TotalDays, precision: 3);

        using var script = portal.Client(token.Secret);
        using var used = await script.GetAsync("/api/exports");
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.NotNull((await portal.DbAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == stored.Id))).LastUsedAt);

        using var revoked = await browser.DeleteAsync($"/api/profile/tokens/{token.Token!.Id}");
        using var afterRevoke = await script.GetAsync("/api/exports");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("The token was revoked", await afterRevoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", afterRevoke.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_cannot_manage_tokens_and_creation_checks_its_input()
    {
        var secret = await portal.TokenAsync(portal.Alice);
        using var browser = await portal.SignInAsync(portal.Alice.Email);

        using var byToken = await portal.Client(secret).PostAsJsonAsync("/api/profile/tokens", new CreateTokenRequest { Name = "child" });
        using var tooLong = await browser.PostAsJsonAsync("/api/profile/tokens", new CreateTokenRequest { Name = "x", ExpiresInDays = 366 });
        using var unnamed = await browser.PostAsJsonAsync("/api/profile/tokens", new CreateTokenRequest { Name = " ", ExpiresInDays = 7 });

        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("1 to 365 days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
    }

    [Fact]
    public async Task Expired_tokens_and_tokens_of_pending_rejected_or_disabled_accounts_are_refused_with_the_reason()
    {
        var expired = await portal.TokenAsync(portal.Alice);
        var hash = PersonalAccessTokenService.Hash(expired);
        await portal.DbAsync(db => db.PersonalAccessTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var pendingUser = await portal.UserAsync("pending@example.com", approve: false);
        var pending = await portal.TokenAsync(pendingUser);
        var disabledUser = await portal.UserAsync("disabled@example.com");
        var disabled = await portal.TokenAsync(disabledUser);
        await portal.InScopeAsync(sp => sp.GetRequiredService<AccountService>().DisableAsync(disabledUser.Id, "admin@example.com"));

        var answers = new Dictionary<string, (HttpStatusCode, string)>();
        foreach (var (name, secret) in new[] { ("expired", expired), ("pending", pending), ("disabled", disabled), ("garbage", "dxp_nothing") })
        {
            using var response = await portal.Client(secret).GetAsync("/api/exports");
            answers[name] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.All(answers.Values, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Item1));
        Assert.Contains("The token expired on", answers["expired"].Item2, StringComparison.Ordinal);
        Assert.Contains("The token's account is pending", answers["pending"].Item2, StringComparison.Ordinal);
        Assert.Contains("The token's account is disabled", answers["disabled"].Item2, StringComparison.Ordinal);
        Assert.Contains("The token is not valid", answers["garbage"].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_token_cannot_see_or_touch_another_users_export_and_gets_404_not_403()
    {
        portal.AliceProject("owned");
        var created = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "alice", project_name = "owned", export_group_name = "owned", export_project_name = "x" }));
        var exportId = (await portal.ExportAsync(created.Json.Text("export_id")!))!.Id;
        var runId = await portal.DbAsync(db => db.Runs.Where(r => r.ExportId == exportId).Select(r => r.Id).SingleAsync());
        using var alice = portal.Client(await portal.TokenAsync(portal.Alice));
        using var bob = portal.Client(await portal.TokenAsync(portal.Bob));
        using var admin = portal.Client(await portal.TokenAsync(portal.Admin));

        var bobs = new List<HttpStatusCode>();
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, $"/api/exports/{exportId}"), (HttpMethod.Get, $"/api/runs/{runId}"), (HttpMethod.Get, $"/api/runs/{runId}/files"),
                     (HttpMethod.Post, $"/api/exports/{exportId}/run"), (HttpMethod.Post, $"/api/runs/{runId}/cancel"),
                     (HttpMethod.Post, $"/api/exports/{exportId}/disable"), (HttpMethod.Post, $"/api/exports/{exportId}/archive"),
                 })
        {
            using var response = await bob.SendAsync(new HttpRequestMessage(method, path));
            bobs.Add(response.StatusCode);
        }
        var bobsList = await bob.GetFromJsonAsync<Page<ExportSummary>>("/api/exports", Web);
        using var alicesRead = await alice.GetAsync($"/api/exports/{exportId}");
        using var adminsRead = await admin.GetAsync($"/api/exports/{exportId}");

        Assert.All(bobs, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.DoesNotContain(bobsList!.Items, e => e.Id == exportId);
        Assert.Equal(HttpStatusCode.OK, alicesRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminsRead.StatusCode);
        var export = (await portal.ExportAsync(created.Json.Text("export_id")!))!;
        Assert.True(export.Enabled && !export.Archived);
        Assert.Equal(1, await portal.DbAsync(db => db.Runs.CountAsync(r => r.ExportId == exportId)));
    }

    [Fact]
    public async Task A_script_reads_runs_with_stages_starts_runs_as_api_and_cancels_them()
    {
        portal.AliceProject("scripted");
        var created = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "alice", project_name = "scripted", export_group_name = "scripted", export_project_name = "x" }));
        var exportId = (await portal.ExportAsync(created.Json.Text("export_id")!))!.Id;
        var finished = await portal.AddRunAsync(created.Json.Text("export_id")!, StatusCode.Completed, r =>
        {
            r.FilesStatus = StatusCode.Completed;
            r.Stages.Add(new RunStage { Code = StatusCode.ProjectFileExportInitiated, At = DateTimeOffset.UtcNow });
            r.Files.Add(new RunFile { Path = "a.txt", Size = 3, Outcome = Portal.Domain.Runs.FileOutcome.Transferred });
        });
        using var alice = portal.Client(await portal.TokenAsync(portal.Alice));

        var run = await alice.GetFromJsonAsync<JsonElement>($"/api/runs/{finished.Id}");
        var files = await alice.GetFromJsonAsync<JsonElement>($"/api/runs/{finished.Id}/files");
        var runs = await alice.GetFromJsonAsync<JsonElement>($"/api/exports/{exportId}/runs");
        using var started = await alice.PostAsync($"/api/exports/{exportId}/run", null);
        var startedRun = (await started.Content.ReadFromJsonAsync<RunStarted>(Web))!;
        using var cancelled = await alice.PostAsync($"/api/runs/{startedRun.RunId}/cancel", null);

        Assert.Contains(run.GetProperty("stages").EnumerateArray(), s => s.GetProperty("code").GetInt32() == (int)StatusCode.ProjectFileExportInitiated);
        Assert.Equal("a.txt", files.GetProperty("items")[0].GetProperty("path").GetString());
        Assert.True(runs.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var newRun = await portal.DbAsync(db => db.Runs.AsNoTracking().SingleAsync(r => r.Id == startedRun.RunId));
        Assert.Equal((RunTrigger.Api, "alice@example.com"), (newRun.Trigger, newRun.TriggeredBy));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(StatusCode.ExecutionCancelled,
            (await portal.DbAsync(db => db.Runs.AsNoTracking().SingleAsync(r => r.Id == startedRun.RunId))).Status);
    }

    [Fact]
    public async Task A_users_token_is_forbidden_admin_endpoints_and_an_admins_token_is_not()
    {
        using var user = await portal.Client(await portal.TokenAsync(portal.Bob)).GetAsync("/api/admin/users");
        using var admin = await portal.Client(await portal.TokenAsync(portal.Admin)).GetAsync("/api/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
