using System.Net.Http.Json;
using Portal.Contracts.Admin;
using Portal.Client.Shared;

namespace Portal.Client.Admin;

/// <summary>The admin users page in WebAssembly: <c>/api/admin/users</c> with the sign-in cookie.</summary>
public sealed class HttpUserAdministration(HttpClient http) : IUserAdministration
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await http.GetJsonAsync<List<UserSummary>>("api/admin/users", cancellationToken);

    public async Task<UserActionResult> ApplyAsync(string userId, UserAction action, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(
            $"api/admin/users/{Uri.EscapeDataString(userId)}/{action.ToString().ToLowerInvariant()}", null, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<UserActionResult>(cancellationToken)
                ?? new UserActionResult(true, "Done.");
        }
        return new UserActionResult(false, await response.ProblemTextAsync(cancellationToken));
    }
}
