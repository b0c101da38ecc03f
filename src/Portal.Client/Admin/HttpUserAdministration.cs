using System.Net.Http.Json;
using Portal.Contracts.Admin;

namespace Portal.Client.Admin;

/// <summary>The admin users page in WebAssembly: <c>/api/admin/users</c> with the sign-in cookie.</summary>
internal sealed class HttpUserAdministration(HttpClient http) : IUserAdministration
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<UserSummary>>("api/admin/users", cancellationToken) ?? [];

    public async Task<UserActionResult> ApplyAsync(string userId, UserAction action, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(
            $"api/admin/users/{Uri.EscapeDataString(userId)}/{action.ToString().ToLowerInvariant()}", null, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<UserActionResult>(cancellationToken)
                ?? new UserActionResult(true, "Done.");
        }
        var problem = await TryReadProblemAsync(response, cancellationToken);
        return new UserActionResult(false, problem ?? $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    private static async Task<string?> TryReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(cancellationToken);
            return problem?.Detail;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail);
}
