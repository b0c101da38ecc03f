using System.Net;
using System.Net.Http.Json;
using Portal.Contracts.Exports;
using Portal.Contracts.Shared;

namespace Portal.Client.Shared;

/// <summary>
/// Reads the portal API's answers back into what the pages work with. A failure is never an empty list: it throws
/// <see cref="HttpRequestException"/> carrying the server's own reason (its problem's detail or title), which the
/// pages show, or becomes a result that says why.
/// </summary>
internal static class HttpResults
{
    public static async Task<T> GetJsonAsync<T>(this HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return await response.ReadAsync<T>(cancellationToken);
    }

    /// <summary>Null for 404 (what the caller may not see does not exist); any other failure throws with the server's reason.</summary>
    public static async Task<T?> GetOrNullAsync<T>(this HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return default;
        return await response.ReadAsync<T>(cancellationToken);
    }

    /// <summary>A POST that queues a run: 202 with the queued run, 409 with why none was queued; anything else says why in its problem.</summary>
    public static async Task<RunStarted> PostForRunAsync(this HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(url, null, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            return await response.ReadAsync<RunStarted>(HttpStatusCode.Conflict, cancellationToken);
        return new RunStarted(false, null, await response.ProblemTextAsync(cancellationToken), NotFound: response.StatusCode == HttpStatusCode.NotFound);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.EnsureSuccessAsync(cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HttpRequestException($"The server answered {(int)response.StatusCode} without a body.", null, response.StatusCode);
    }

    /// <summary>Reads the answer when its status is one the endpoint answers with <typeparamref name="T"/>; otherwise throws with the server's reason.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode alsoAnsweredWith, CancellationToken cancellationToken) =>
        response.StatusCode == alsoAnsweredWith && await TryReadAsync<T>(response, cancellationToken) is { } answer
            ? answer
            : await response.ReadAsync<T>(cancellationToken);

    public static async Task EnsureSuccessAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(await response.ProblemTextAsync(cancellationToken), null, response.StatusCode);
    }

    public static async Task<SaveResult> SaveResultAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return await response.Content.ReadFromJsonAsync<SaveResult>(cancellationToken) ?? SaveResult.Ok(0);
        var problem = await TryReadAsync<Problem>(response, cancellationToken);
        var errors = problem?.Errors is { Count: > 0 } e
            ? e
            : new Dictionary<string, string[]> { [""] = [Text(problem, response)] };
        return new SaveResult(false, null, errors, NotFound: response.StatusCode == HttpStatusCode.NotFound,
            Conflict: response.StatusCode == HttpStatusCode.Conflict);
    }

    /// <summary>What a failed answer says: its problem's detail or title, or its status.</summary>
    public static async Task<string> ProblemTextAsync(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        Text(await TryReadAsync<Problem>(response, cancellationToken), response);

    private static string Text(Problem? problem, HttpResponseMessage response) =>
        problem?.Detail ?? problem?.Title ?? $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.";

    private static async Task<T?> TryReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
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

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
