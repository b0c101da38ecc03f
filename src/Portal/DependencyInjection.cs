using Portal.Accounts;
using Portal.Api;
using Portal.Audit;
using Portal.Data;
using Portal.Nodes;
using Portal.Admin;
using Portal.Components;
using Portal.Connections;
using Portal.Dashboard;
using Portal.Exports;
using Portal.Health;
using Portal.Hosting;
using Portal.Jobs;
using Portal.Notifications;
using Portal.Profile;
using Portal.Runs;
using Portal.Security;
using Portal.Telemetry;
using Portal.Templates;
using Portal.V1;

namespace Portal;

/// <summary>
/// The composition root: the portal is these features (docs/architecture.md). Each feature registers its own
/// services (<c>Add…</c>), prepares what it needs before requests come (<c>Prepare…</c>) and maps its own endpoints (<c>Map…</c>).
/// </summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        configuration.AddKeyPerFile(configuration[$"{PortalOptions.Section}:SecretsPath"] ?? new PortalOptions().SecretsPath, optional: true);
        var dataPath = PortalOptions.ResolveDataPath(configuration, builder.Environment.ContentRootPath);
        var provider = (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;
        var connectionString = DatabaseSetup.ResolveConnectionString(configuration, provider, dataPath);
        var role = NodeRoles.Resolve(configuration, provider);

        builder.AddQuickStart();
        builder.Services
            .AddPortalOptions(configuration, dataPath)
            .AddNodes(configuration, role)
            .AddData(configuration, provider, connectionString)
            .AddSecurity()
            .AddJobs(configuration, provider, connectionString, role)
            .AddAccounts(configuration)
            .AddAudit(configuration)
            .AddNotifications(configuration)
            .AddApi(configuration)
            .AddDomain(configuration)
            .AddHealth(configuration)
            .AddTelemetry(configuration)
            .AddPortalConnections()
            .AddTemplates()
            .AddProfile()
            .AddExports(configuration)
            .AddRuns()
            .AddDashboard()
            .AddAdmin()
            .AddV1()
            .AddPages();
        return builder;
    }

    /// <summary>
    /// Everything that must happen before the portal takes requests. Every node does it, and each step is
    /// safe when several nodes start at once (a schema lock, Hangfire's distributed locks; docs/decisions/005).
    /// </summary>
    public static async Task PreparePortalAsync(this WebApplication app)
    {
        await app.Services.PrepareDatabaseAsync();
        app.Services.PrepareKeyRing();
        await app.Services.PrepareRunsAsync();
        await app.Services.PrepareExportsAsync();
        app.Services.PrepareHealth();
        app.Services.PrepareAudit();
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        // Every node serves /metrics: the workers run the exports and count them.
        app.MapMetrics();
        // A worker answers the orchestrator's health checks (and the metrics scrape), nothing else: no pages, /api, /v1 or dashboard.
        if (!app.Services.GetNodeRole().ServesWeb())
        {
            app.UseAttemptLimits();
            app.MapHealthApi();
            return app;
        }
        app.UsePortalMiddleware();
        app.MapHealthApi();
        app.MapPages();
        app.MapAccounts();
        // One group without a prefix: every /api body and route value passes the same input rules (Api/InputRulesFilter).
        var api = app.MapGroup("").WithInputRules();
        api.MapAdminApi();
        api.MapAudit();
        api.MapConnectionsApi();
        api.MapTemplatesApi();
        api.MapProfileApi();
        api.MapNotifications();
        api.MapExportsApi();
        api.MapRunsApi();
        api.MapDashboardApi();
        api.MapV1();
        app.MapPortalOpenApi();
        app.MapJobsDashboard();
        return app;
    }
}
