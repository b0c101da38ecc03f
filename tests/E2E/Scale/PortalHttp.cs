using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Portal.Contracts.Connections;
using Portal.Contracts.Exports;
using Portal.Contracts.Profile;
using Portal.Contracts.Shared;

namespace Portal.Tests.E2E.Scale;

/// <summary>
/// A signed-in person using a portal node over plain HTTP: the Identity form (with its antiforgery token)
/// for the cookie, then the portal's own <c>/api</c>, as the WebAssembly pages call it.
/// </summary>
public sealed partial class PortalHttp : IDisposable
{
    private readonly HttpClient http;

    private PortalHttp(HttpClient http) => this.http = http;

    /// <summary>Registers <paramref name="email"/> (the configured admin email: an approved Admin) and keeps its session.</summary>
    public static async Task<PortalHttp> RegisterAsync(Uri node, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = node,
            Timeout = TimeSpan.FromSeconds(60),
        };
        // As the pages' own fetches do: a cookie-authenticated API write must say it comes from the portal (issue 13).
        http.DefaultRequestHeaders.Add("Origin", node.GetLeftPart(UriPartial.Authority));
        var page = await http.GetStringAsync("/Account/Register");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = Hidden(page, "_handler"),
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        (await http.PostAsync("/Account/Register", form)).EnsureSuccessStatusCode();
        var portal = new PortalHttp(http);
        var me = await http.GetAsync("/api/account/me");
        Assert.True(me.IsSuccessStatusCode, $"{email} is signed in after registering (GET /api/account/me: {(int)me.StatusCode})");
        return portal;
    }

    public Task<int> SaveDominoAsync(DominoDeploymentForm form) => SaveAsync("/api/admin/connections/domino", form);

    public Task<int> SaveS3TargetAsync(S3TargetForm form) => SaveAsync("/api/admin/connections/s3", form);

    public Task<int> SaveExportAsync(ExportForm form) => SaveAsync("/api/exports", form);

    public async Task SaveDominoKeyAsync(int deploymentId, string apiKey)
    {
        var response = await http.PutAsJsonAsync($"/api/profile/domino-keys/{deploymentId}", new SaveKeyRequest(apiKey));
        var result = await response.Content.ReadFromJsonAsync<SaveKeyResult>();
        Assert.True(result?.Succeeded, result?.Message);
    }

    public async Task EnableAsync(int exportId) =>
        (await http.PostAsync($"/api/exports/{exportId}/enable", null)).EnsureSuccessStatusCode();

    /// <summary>"Run now": the run's id.</summary>
    public async Task<long> RunNowAsync(int exportId)
    {
        var response = await http.PostAsync($"/api/exports/{exportId}/run", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<RunStarted>();
        return started!.RunId!.Value;
    }

    /// <summary>A run as <c>GET /api/runs/{id}</c> shows it.</summary>
    public async Task<Portal.Contracts.Runs.RunDetails> RunAsync(long runId) =>
        (await http.GetFromJsonAsync<Portal.Contracts.Runs.RunDetails>($"/api/runs/{runId}"))!;

    private async Task<int> SaveAsync<T>(string path, T form)
    {
        var response = await http.PostAsJsonAsync(path, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {body}");
        var saved = System.Text.Json.JsonSerializer.Deserialize<SaveResult>(body, System.Text.Json.JsonSerializerOptions.Web);
        return saved!.Id!.Value;
    }

    private static string Hidden(string page, string name)
    {
        var input = HiddenInput().Matches(page).Select(m => m.Value)
            .FirstOrDefault(tag => tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No hidden input {name} on the page.");
        return WebUtility.HtmlDecode(InputValue().Match(input).Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex InputValue();

    public void Dispose() => http.Dispose();
}
