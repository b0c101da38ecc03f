using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Portal.Tests.Integration.V1.Conformance;

/// <summary>One v1 answer as a script sees it: the status, the JSON, the headers.</summary>
internal sealed record ScriptAnswer(HttpStatusCode Status, JsonElement Json, HttpResponseHeaders Headers)
{
    public string[] Fields => Json.EnumerateObject().Select(p => p.Name).ToArray();

    public string? Message => Json.GetProperty("message").GetString();
}

/// <summary>
/// Calls the v1 API the way a script written for the original does (the key in X-Domino-Api-Key, JSON bodies), and
/// checks every answer against the published document before handing it back. Without a document, the answers are
/// kept and checked by <see cref="AssertDocumentedAsync"/> at the end of the test, so that a test first says which
/// field differs.
/// </summary>
internal sealed class V1Script(HttpClient http, V1Document? document)
{
    private readonly List<(HttpMethod Method, string Path, ScriptAnswer Answer)> _unchecked = [];

    /// <summary>Checks the answers kept so far against the document the portal publishes.</summary>
    public async Task AssertDocumentedAsync(HttpClient portal)
    {
        var published = await V1Document.LoadAsync(portal);
        foreach (var (method, path, answer) in _unchecked) published.AssertAnswer(method, path, answer.Status, answer.Json);
        _unchecked.Clear();
    }

    public Task<ScriptAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ScriptAnswer> PostAsync(string path, string body, string? contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, body, contentType);

    public Task<ScriptAnswer> PutAsync(string path, string body, string? contentType = "application/json") =>
        SendAsync(HttpMethod.Put, path, body, contentType);

    public Task<ScriptAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<ScriptAnswer> SendAsync(HttpMethod method, string path, string? body, string? contentType = "application/json")
    {
        using var request = V1Json.Request(method, path, body, contentType);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{method} {path} answered {(int)response.StatusCode} with {response.Content.Headers.ContentType}: {text}");
        using var json = JsonDocument.Parse(text);
        var answer = new ScriptAnswer(response.StatusCode, json.RootElement.Clone(), response.Headers);
        if (document is null) _unchecked.Add((method, path, answer));
        else document.AssertAnswer(method, path, answer.Status, answer.Json);
        return answer;
    }
}

/// <summary>The original's messages, word for word (docs/v1-compatibility.md, "Messages").</summary>
internal static class V1Messages
{
    public const string Malformed = "The input supplied is invalid: malformed JSON";
    public const string ProjectMissing = "The input supplied is invalid: specified Domino Project does not exist";
    public const string NoPermission = "Specified Domino API key does not have permission to the specified Domino Project";
    public const string NamesTaken = "Specified Export Group Name and Project Name are already being exported as part of another export job";
    public const string ProjectTaken = "Specified Domino Username and Project are already being exported as part of another export job";
    public const string UnknownExport = "Specified Export ID does not exist";
    private const string NameRule = " is invalid: name components may contain lowercase letters, digits and separators. A separator is defined as " +
                                    "a period, one or two underscores, or one or more dashes. A name component may not start or end with a separator.";
    public const string InvalidGroup = "Export Group Name" + NameRule;
    public const string InvalidProject = "Export Project Name" + NameRule;
    public const string GroupLowered = "Warning: request has been processed, but the Export Group Name has been automatically converted to lower " +
                                       "case to comply with Docker Registry standards";
    public const string ProjectLowered = "Warning: request has been processed, but the Export Project Name has been automatically converted to " +
                                         "lower case to comply with Docker Registry standards";
    public const string NoContentType = "Warning: request has been processed, but the 'Content-Type: application/json' header is missing";

    /// <summary>The fields of create's and update's answer, in the original's order.</summary>
    public static readonly string[] ExportFields = V1Json.ExportResponseFields;

    /// <summary>A project status record's eighteen fields, in order.</summary>
    public static readonly string[] ProjectStatusFields = V1Json.ProjectStatusFields;
}
