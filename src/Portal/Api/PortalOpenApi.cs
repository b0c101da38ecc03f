using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Portal.Api;

/// <summary>
/// <c>/openapi/v1.json</c>, generated from the endpoints (the v1 API, the portal's <c>/api</c>, <c>/health</c>,
/// <c>/version</c>), and <c>/docs</c>, Scalar's interactive reference served from the package itself (no CDN,
/// no web fonts), so it works on a network without the internet.
/// </summary>
public static class PortalOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/docs";

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath is { } path
                && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("v1/", StringComparison.Ordinal)
                    || path is "health" or "version");
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Domino Export Portal API",
                    Version = "v1",
                    Description = "The original Domino Export Service's v1 API (send your Domino API key in X-Domino-Api-Key) and the " +
                                  "portal's own /api (send \"Authorization: Bearer <token>\" with a personal access token from your profile page).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerTokenHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (dxp_…) from your profile page.",
                };
                AddHealthProbe(document, "/health/live", "Liveness: the process answers (no dependencies)");
                AddHealthProbe(document, "/health/ready", "Readiness: the database and Hangfire's storage answer");
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerTokenHandler.SchemeName, context.Document)] = [],
                    });
                }
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapPortalOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        // The reference and nothing else: no code-generation upsell, AI chat, MCP or telemetry calls out of a portal that may
        // run without internet, and a way back to the portal.
        app.MapScalarApiReference(DocsPath, options => options
                .WithTitle("Domino Export Portal API")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts()
                .HideClientButton()
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .AddHeaderContent("""<nav class="portal-back"><a href="/" data-testid="back-to-portal">← Back to the Domino Export Portal</a></nav>""")
                .WithCustomCss(".portal-back { padding: 8px 16px; font: 14px system-ui, sans-serif; border-bottom: 1px solid var(--scalar-border-color); }"))
            .AllowAnonymous();
        return app;
    }

    private static void AddHealthProbe(OpenApiDocument document, string path, string summary)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "Healthy" },
                ["503"] = new OpenApiResponse { Description = "Unhealthy" },
            },
        };
        document.Paths[path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }
}
