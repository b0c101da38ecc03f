using System.Text.Json;
using Microsoft.Playwright;
using Portal.Contracts.Exports;
using Portal.Contracts.Profile;
using Portal.Contracts.Runs;
using Portal.Contracts.Shared;

namespace Portal.Tests.E2E.Exports;

/// <summary>
/// The portal's own /api as a signed-in person's browser calls it (their cookie): for set-up the pages
/// already proved, and to read what a page shows from the server's side.
/// </summary>
public sealed class PortalApi(IAPIRequestContext request)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ExportFormOptions> OptionsAsync() => await GetAsync<ExportFormOptions>("/api/exports/options");

    public async Task<int> CreateExportAsync(ExportForm form)
    {
        var saved = await SendAsync<SaveResult>("POST", "/api/exports", form);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return saved.Id!.Value;
    }

    /// <summary>A project export of <paramref name="owner"/>/<paramref name="project"/> (files only unless a registry is named).</summary>
    public async Task<int> CreateProjectExportAsync(string owner, string project, string group, string name, string s3Target,
        string? registry = null, string schedule = "0 3 * * *")
    {
        var options = await OptionsAsync();
        return await CreateExportAsync(new ExportForm
        {
            Kind = ExportKind.Project,
            DominoDeploymentId = options.Deployments.Single().Id,
            DominoOwnerName = owner,
            DominoProjectName = project,
            GroupName = group,
            ProjectName = name,
            ExportFiles = true,
            S3TargetId = options.S3Targets.Single(t => t.Name == s3Target).Id,
            ExportImage = registry is not null,
            RegistryTargetId = registry is null ? null : options.Registries.Single(r => r.Name == registry).Id,
            Schedule = schedule,
        });
    }

    /// <summary>An admin saves a connection (kind: domino, s3 or registries) and gets its id.</summary>
    public async Task<int> SaveConnectionAsync(string kind, object form)
    {
        var saved = await SendAsync<SaveResult>("POST", $"/api/admin/connections/{kind}", form);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return saved.Id!.Value;
    }

    public async Task SaveDominoKeyAsync(int deploymentId, string apiKey) =>
        Assert.True((await SendAsync<SaveKeyResult>("PUT", $"/api/profile/domino-keys/{deploymentId}", new SaveKeyRequest(apiKey))).Succeeded);

    public async Task<IReadOnlyList<RunSummary>> RunsAsync(int exportId) =>
        (await GetAsync<Page<RunSummary>>($"/api/exports/{exportId}/runs?pageSize=100")).Items;

    public async Task<RunDetails> RunAsync(long runId) => await GetAsync<RunDetails>($"/api/runs/{runId}");

    public async Task<IAPIResponse> GetResponseAsync(string path) => await request.GetAsync(path);

    /// <summary>An admin approves a registered account.</summary>
    public async Task ApproveAsync(string email)
    {
        using var users = JsonDocument.Parse(await (await request.GetAsync("/api/admin/users")).TextAsync());
        var id = users.RootElement.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString();
        var approved = await request.PostAsync($"/api/admin/users/{id}/approve", new() { Headers = SameOrigin });
        Assert.True(approved.Ok, $"approving {email}: {approved.Status} {await approved.TextAsync()}");
    }

    private async Task<T> GetAsync<T>(string path)
    {
        var response = await request.GetAsync(path);
        Assert.True(response.Ok, $"GET {path}: {response.Status} {await response.TextAsync()}");
        return JsonSerializer.Deserialize<T>(await response.TextAsync(), Json)!;
    }

    /// <summary>
    /// What Chromium adds to the pages' own fetches: cookie-authenticated API writes without it are refused as
    /// cross-site (issue 13). These requests come from Playwright's API client, not from a page, so they say it.
    /// </summary>
    public static readonly Dictionary<string, string> SameOrigin = new() { ["Sec-Fetch-Site"] = "same-origin" };

    private async Task<T> SendAsync<T>(string method, string path, object body)
    {
        var response = await request.FetchAsync(path, new()
        {
            Method = method,
            Headers = new Dictionary<string, string>(SameOrigin) { ["Content-Type"] = "application/json" },
            Data = JsonSerializer.Serialize(body, Json),
        });
        Assert.True(response.Ok, $"{method} {path}: {response.Status} {await response.TextAsync()}");
        return JsonSerializer.Deserialize<T>(await response.TextAsync(), Json)!;
    }
}
