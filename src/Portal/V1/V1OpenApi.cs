using System.Text.Json.Nodes;

namespace Portal.V1;

/// <summary>
/// <c>/v1/openapi.json</c>: the original service's OpenAPI document, corrected to what the v1 API answers
/// (docs/v1-compatibility.md), for clients written against the original. The portal's own document is
/// <c>/openapi/v1.json</c>. As the original filled in the host it was asked on, the server is the caller's URL.
/// </summary>
public static class V1OpenApi
{
    public const string Path = "/v1/openapi.json";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(V1OpenApi).Assembly.GetManifestResourceStream("Portal.V1.v1-openapi.json")
            ?? throw new InvalidOperationException("The v1 OpenAPI document is not embedded in the portal");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapV1OpenApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpRequest request) =>
            {
                var document = JsonNode.Parse(Document.Value)!;
                document["servers"] = new JsonArray(new JsonObject { ["url"] = $"{request.Scheme}://{request.Host}{request.PathBase}" });
                return Results.Text(document.ToJsonString(), "application/json");
            })
            .AllowAnonymous().WithTags("v1")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("The original service's OpenAPI document, corrected to what the v1 API answers (for clients of the original)");
        return app;
    }
}
