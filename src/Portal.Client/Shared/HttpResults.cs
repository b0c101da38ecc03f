using System.Net;
using System.Net.Http.Json;
using Portal.Contracts.Shared;

namespace Portal.Client.Shared;

/// <summary>Reads the portal API's answers back into the results the pages work with.</summary>
internal static class HttpResults
{
    public static async Task<SaveResult> SaveResultAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return await response.Content.ReadFromJsonAsync<SaveResult>(cancellationToken) ?? SaveResult.Ok(0);
        var problem = await TryReadAsync<Problem>(response, cancellationToken);
        var errors = problem?.Errors is { Count: > 0 } e
            ? e
            : new Dictionary<string, string[]> { [""] = [Text(problem, response)] };
        return response.StatusCode == HttpStatusCode.NotFound
            ? new SaveResult(false, null, errors, NotFound: true)
            : SaveResult.Invalid(errors);
    }

    /// <summary>What a failed answer says: its problem's detail or title, or its status.</summary>
    public static async Task<string> ProblemTextAsync(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        Text(await TryReadAsync<Problem>(response, cancellationToken), response);

    private static string Text(Problem? problem, HttpResponseMessage response) =>
        problem?.Detail ?? problem?.Title ?? $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.";

    public static async Task<T?> TryReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return default;
        }
    }

    public static async Task<T?> GetOrNullAsync<T>(this HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return default;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
