using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Tests.Integration.V1;

/// <summary>Sends v1 requests as scripts do and reads the answers as raw JSON, field order included.</summary>
internal static class V1Json
{
    public static readonly string[] ExportResponseFields = ["success", "message", "export_id", "export_frequency_seconds"];

    public static readonly string[] ProjectStatusFields =
    [
        "timestamp", "export_id", "status", "error_code", "error_message", "export_frequency_seconds", "domino_username",
        "domino_project_name", "export_group_name", "export_project_name", "project_export_runtime_seconds", "project_export_location",
        "project_commit_id", "project_export_status", "image_export_runtime_seconds", "image_export_location", "image_export_status",
        "domino_image_environment_name",
    ];

    public static readonly string[] ImageStatusFields =
    [
        "timestamp", "export_id", "status", "error_code", "error_message", "export_frequency_seconds", "compute_environment_id",
        "compute_environment_revision_id", "domino_image_environment_name", "export_group_name", "export_project_name",
        "image_export_location", "image_export_runtime_seconds",
    ];

    public static Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(this HttpClient http, string path, string body,
        string? contentType = "application/json") => SendAsync(http, HttpMethod.Post, path, body, contentType);

    public static Task<(HttpStatusCode Status, JsonElement Json)> PutAsync(this HttpClient http, string path, string body,
        string? contentType = "application/json") => SendAsync(http, HttpMethod.Put, path, body, contentType);

    public static Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(this HttpClient http, string path) =>
        SendAsync(http, HttpMethod.Get, path, null, null);

    public static Task<(HttpStatusCode Status, JsonElement Json)> DeleteJsonAsync(this HttpClient http, string path) =>
        SendAsync(http, HttpMethod.Delete, path, null, null);

    public static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpClient http, HttpMethod method, string path,
        string? body, string? contentType)
    {
        using var request = Request(method, path, body, contentType);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A request with a raw body, sent with the given Content-Type or none at all (null).</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? body, string? contentType)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is null) return request;
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    public static string[] Names(this JsonElement json) => json.EnumerateObject().Select(p => p.Name).ToArray();

    public static string? Text(this JsonElement json, string name) => json.GetProperty(name).GetString();

    public static string Body(object value) => JsonSerializer.Serialize(value);
}
