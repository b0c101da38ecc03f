using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Contracts.Audit;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;
using Portal.Tests.Integration.Support;
using Portal.Tests.Integration.V1;

namespace Portal.Tests.Integration.Audit;

/// <summary>
/// The audit log through the real portal on Kestrel: changes made with a token, a browser session and a v1 Domino key are
/// recorded with the right actor, interface and address; only admins read the log; users read their own exports' history.
/// </summary>
[Collection(PortalHostCollection.Name)]
public sealed class AuditApiTests(V1Fixture portal) : IClassFixture<V1Fixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<IReadOnlyList<AuditEntryDto>> LogAsync(AuditQuery query)
    {
        using var admin = await portal.SignInAsync(portal.Admin.Email);
        return (await admin.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/admin/audit?{query.ToQueryString()}", Web))!.Items;
    }

    /// <summary>Alice's export, made through the v1 API with her Domino key.</summary>
    private async Task<int> V1ExportAsync(string project)
    {
        portal.AliceProject(project);
        var (status, json) = await portal.V1Client(portal.DominoAlice.ApiKey).PostAsync("/v1/projects/create",
            V1Json.Body(new { username = "alice", project_name = project, export_group_name = "audit", export_project_name = project }));
        Assert.Equal(HttpStatusCode.Created, status);
        return (await portal.ExportAsync(json.GetProperty("export_id").GetString()!))!.Id;
    }

    [Fact]
    public async Task A_v1_create_is_recorded_as_v1_for_the_account_that_stored_the_key_with_the_callers_address()
    {
        await V1ExportAsync("v1-audited");

        var entry = Assert.Single(await LogAsync(new AuditQuery(Object: "audit/v1-audited", Action: "export.create")));

        Assert.Equal((AuditInterfaces.V1, "127.0.0.1", "audit/v1-audited"), (entry.Interface, entry.Address, entry.ObjectName));
        Assert.StartsWith("alice@example.com (Domino user alice", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("GroupName: (none) → \"audit\"", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("ApiKey: secret set", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.DominoAlice.ApiKey, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_calls_with_a_token_are_recorded_as_api_with_the_account_and_the_tokens_name()
    {
        var id = await V1ExportAsync("token-audited");
        using var script = portal.Client(await portal.TokenAsync(portal.Alice));

        using var disabled = await script.PostAsync($"/api/exports/{id}/disable", null);
        using var enabled = await script.PostAsync($"/api/exports/{id}/enable", null);
        using var run = await script.PostAsync($"/api/exports/{id}/run", null);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Accepted), (disabled.StatusCode, enabled.StatusCode, run.StatusCode));

        var entries = (await LogAsync(new AuditQuery(Object: "audit/token-audited", Action: "export."))).Where(e => e.Interface == AuditInterfaces.Api).ToList();

        Assert.Equal(["export.run-now", "export.enable", "export.disable"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("alice@example.com", "test", "127.0.0.1"), (e.Actor, e.TokenName, e.Address)));
        Assert.Equal("Enabled: \"True\" → \"False\"", entries[2].Changes);
        Assert.Matches("^run #[0-9]+ queued$", entries[0].Changes!);
    }

    [Fact]
    public async Task Run_anyway_verify_and_cancel_by_token_and_a_v1_update_are_recorded_on_the_export()
    {
        var id = await V1ExportAsync("actions-audited");
        var key = (await portal.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Exports, e => e.Id == id))).ExportKey;
        using var script = portal.Client(await portal.TokenAsync(portal.Alice));

        using var forced = await script.PostAsync($"/api/exports/{id}/run?force=true", null);
        var runId = (await forced.Content.ReadFromJsonAsync<Portal.Contracts.Exports.RunStarted>(Web))!.RunId;
        using var cancelled = await script.PostAsync($"/api/runs/{runId}/cancel", null);
        using var verify = await script.PostAsync($"/api/exports/{id}/verify", null);
        var (updated, _) = await portal.V1Client(portal.DominoAlice.ApiKey).PutAsync($"/v1/projects/update/{key}",
            V1Json.Body(new { export_group_name = "audit-renamed", disabled = true }));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.OK),
            (forced.StatusCode, cancelled.StatusCode, verify.StatusCode, updated));

        var entries = await LogAsync(new AuditQuery(Object: "actions-audited", Action: "export."));

        Assert.Equal(["export.update", "export.verify", "export.cancel-run", "export.run-anyway", "export.create"], entries.Select(e => e.Action));
        Assert.Equal([AuditInterfaces.V1, AuditInterfaces.Api, AuditInterfaces.Api, AuditInterfaces.Api, AuditInterfaces.V1], entries.Select(e => e.Interface));
        Assert.Equal("Enabled: \"True\" → \"False\"; GroupName: \"audit\" → \"audit-renamed\"", entries[0].Changes);
        Assert.Matches("^run #[0-9]+ cancelled$", entries[2].Changes!);
        Assert.Equal("audit-renamed/actions-audited", entries[0].ObjectName);
    }

    [Fact]
    public async Task A_token_created_and_revoked_in_a_browser_session_is_recorded_without_its_value()
    {
        using var browser = await portal.SignInAsync(portal.Bob.Email);
        using var created = await browser.PostAsJsonAsync("/api/profile/tokens",
            new Portal.Contracts.Profile.CreateTokenRequest { Name = "audited-token", ExpiresInDays = 7 });
        var token = (await created.Content.ReadFromJsonAsync<Portal.Contracts.Profile.CreatedToken>(Web))!;
        using var revoked = await browser.DeleteAsync($"/api/profile/tokens/{token.Token!.Id}");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.NoContent), (created.StatusCode, revoked.StatusCode));

        var entries = await LogAsync(new AuditQuery(Object: "audited-token"));
        using var admin = await portal.SignInAsync(portal.Admin.Email);
        var csv = await admin.GetStringAsync("/api/admin/audit/csv?object=audited-token");

        Assert.Equal(["token.revoke", "token.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("bob@example.com", AuditInterfaces.Api, "127.0.0.1"), (e.Actor, e.Interface, e.Address)));
        Assert.Equal($"prefix: {token.Secret![..12]}; expires: {token.Token.ExpiresAt:yyyy-MM-dd}", entries[1].Changes);
        Assert.DoesNotContain(token.Secret[12..], csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_sessions_api_calls_are_the_page_when_the_page_says_so()
    {
        var id = await V1ExportAsync("page-audited");
        using var browser = await portal.SignInAsync(portal.Alice.Email);
        browser.DefaultRequestHeaders.Add(AuditInterfaces.PageHeader, "1");

        using var archived = await browser.PostAsync($"/api/exports/{id}/archive", null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);

        var entry = Assert.Single(await LogAsync(new AuditQuery(Object: "audit/page-audited", Action: "export.archive")));
        Assert.Equal(("alice@example.com", (string?)null, AuditInterfaces.Page, "127.0.0.1"), (entry.Actor, entry.TokenName, entry.Interface, entry.Address));
        Assert.Contains("Archived: \"False\" → \"True\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_read_the_log_and_its_csv()
    {
        using var alice = await portal.SignInAsync(portal.Alice.Email);
        using var aliceScript = portal.Client(await portal.TokenAsync(portal.Alice));
        using var admin = await portal.SignInAsync(portal.Admin.Email);

        foreach (var path in new[] { "/api/admin/audit", "/api/admin/audit/csv" })
        {
            using var byUser = await alice.GetAsync(path);
            using var byUserToken = await aliceScript.GetAsync(path);
            using var anonymous = await portal.Client().GetAsync(path);
            using var byAdmin = await admin.GetAsync(path);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
                (byUser.StatusCode, byUserToken.StatusCode, anonymous.StatusCode, byAdmin.StatusCode));
        }
    }

    [Fact]
    public async Task An_exports_history_is_read_by_its_owner_and_admins_and_is_a_404_to_anyone_else()
    {
        var id = await V1ExportAsync("history-audited");
        using var alice = await portal.SignInAsync(portal.Alice.Email);
        using var bob = await portal.SignInAsync(portal.Bob.Email);
        using var admin = await portal.SignInAsync(portal.Admin.Email);

        var own = await alice.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/exports/{id}/audit", Web);
        var byAdmin = await admin.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/exports/{id}/audit", Web);
        using var byBob = await bob.GetAsync($"/api/exports/{id}/audit");

        Assert.Equal("export.create", Assert.Single(own!.Items).Action);
        Assert.Equal(own.Items.Select(e => e.Id), byAdmin!.Items.Select(e => e.Id));
        Assert.Equal(HttpStatusCode.NotFound, byBob.StatusCode);
    }

    [Fact]
    public async Task A_connections_secret_is_recorded_as_changed_and_appears_nowhere_in_the_log_or_its_csv()
    {
        const string secret = "s3-secret-Zq81-never-logged";
        using var admin = await portal.SignInAsync(portal.Admin.Email);
        var form = new S3TargetForm { Name = "audited-bucket", Bucket = "exports", AccessKeyId = "AKIAAUDIT", SecretAccessKey = secret };
        using var created = await admin.PostAsJsonAsync("/api/admin/connections/s3", form);
        var id = (await created.Content.ReadFromJsonAsync<SaveResult>(Web))!.Id;
        form.SecretAccessKey = secret + "-rotated";
        using var updated = await admin.PutAsJsonAsync($"/api/admin/connections/s3/{id}", form);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (created.StatusCode, updated.StatusCode));

        var entries = await LogAsync(new AuditQuery(Object: "audited-bucket"));
        var json = await admin.GetStringAsync("/api/admin/audit?pageSize=500");
        var csv = await admin.GetStringAsync("/api/admin/audit/csv");

        Assert.Equal(["connection.update", "connection.create"], entries.Select(e => e.Action));
        Assert.Equal("SecretAccessKey: secret changed", entries[0].Changes);
        Assert.All(entries, e => Assert.Equal(("admin@example.com", AuditInterfaces.Api), (e.Actor, e.Interface)));
        Assert.DoesNotContain("Zq81", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq81", csv, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey: secret changed", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_failures_and_the_lockout_are_recorded_with_the_address()
    {
        var target = await portal.UserAsync("lockout-target@example.com");
        for (var attempt = 0; attempt < 5; attempt++) await FailSignInAsync(target.Email);
        await FailSignInAsync("nobody-at-all@example.com");

        var failures = await LogAsync(new AuditQuery(Action: "sign-in.", Person: "lockout-target"));
        var unknown = Assert.Single(await LogAsync(new AuditQuery(Action: "sign-in.", Person: "nobody-at-all")));

        Assert.Equal(4, failures.Count(e => e.Action == "sign-in.failed" && e.Changes == "wrong password"));
        Assert.Equal("sign-in.locked-out", failures[0].Action);
        Assert.All(failures, e => Assert.Equal((AuditInterfaces.Page, "127.0.0.1", target.Id), (e.Interface, e.Address, e.ObjectId)));
        Assert.Equal(("no such account", (string?)null), (unknown.Changes, unknown.ObjectId));
    }

    [Fact]
    public async Task The_log_is_paged_and_the_csv_carries_the_same_filters()
    {
        for (var i = 0; i < 3; i++) await V1ExportAsync($"paged-{i}");
        using var admin = await portal.SignInAsync(portal.Admin.Email);

        var page = await admin.GetFromJsonAsync<Page<AuditEntryDto>>("/api/admin/audit?action=export.create&pageSize=2&page=1", Web);
        using var csv = await admin.GetAsync("/api/admin/audit/csv?action=export.create&object=paged-");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.True(page!.Total >= 3, $"total {page.Total}");
        Assert.Equal(Math.Min(2, page.Total - 2), page.Items.Count);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Matches("attachment; filename=\"audit-[0-9-]+\\.csv\"", csv.Content.Headers.ContentDisposition?.ToString() ?? "");
        Assert.Equal(AuditCsvHeader, lines[0]);
        Assert.Equal(3, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",v1,127.0.0.1,export.create,export,", l, StringComparison.Ordinal));
    }

    private const string AuditCsvHeader = Portal.Audit.AuditCsv.Header;

    private async Task FailSignInAsync(string email)
    {
        var (http, cookies, _) = await portal.PostLoginAsync(email, "Wrong-password-1!");
        using (http) Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Identity.Application");
    }
}
