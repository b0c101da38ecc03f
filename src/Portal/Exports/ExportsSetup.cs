using Hangfire;
using Portal.Api;
using Portal.Client.Connections;
using Portal.Client.Exports;
using Portal.Client.Profile;
using Portal.Client.Runs;
using Portal.Client.Templates;
using Portal.Connections;
using Portal.Domain;
using Portal.Domain.Domino;
using Portal.Domain.Files;
using Portal.Domain.Health;
using Portal.Domain.Images.Engine;
using Portal.Health;
using Portal.Profile;
using Portal.Runs;
using Portal.Templates;
using Portal.Nodes;

namespace Portal.Exports;

/// <summary>Exports in the portal: the engine, its connections, schedules, runs and their pages and API.</summary>
public static class ExportsSetup
{
    public static IServiceCollection AddPortalExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportsOptions>().Bind(configuration.GetSection(ExportsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ExportsOptions>, RunLeaseValidator>();
        services.AddDominoClient().AddFileExport().AddImageExport();
        services.AddOptions<DominoClientOptions>().Bind(configuration.GetSection(DominoClientOptions.Section));
        services.AddOptions<FileExportOptions>().Bind(configuration.GetSection(FileExportOptions.Section));
        services.AddOptions<DockerOptions>().Bind(configuration.GetSection(DockerOptions.Section));
        services.AddSingleton<ConnectionChecks>();
        services.AddSingleton(new PortalNode(configuration["Portal:NodeName"] is { Length: > 0 } name ? name : Environment.MachineName));

        services.AddSingleton<ExportRunner>();
        services.AddRunFencing();
        services.AddScoped<RunStore>();
        services.AddScoped<ExportRequests>();
        services.AddScoped<StatusLogPublisher>();
        services.AddScoped<ExportScheduleSync>();
        services.AddScoped<RunQueues>();
        services.AddScoped<ProjectAccessCheck>();
        services.AddScoped<ExportValidator>();
        services.AddScoped<ExportService>();
        services.AddScoped<RunService>();
        services.AddScoped<RunRecovery>();
        services.AddScoped<PruneJob>();
        services.AddScoped<ComponentHealthJob>();
        services.AddScoped<ConnectionService>();
        services.AddScoped<TemplateService>();
        services.AddScoped<DominoKeyService>();

        services.AddScoped<CurrentUser>();
        services.AddScoped<IConnectionsClient, ServerConnectionsClient>();
        services.AddScoped<ITemplatesClient, ServerTemplatesClient>();
        services.AddScoped<IProfileClient, ServerProfileClient>();
        services.AddScoped<IExportsClient, ServerExportsClient>();
        services.AddScoped<IRunsClient, ServerRunsClient>();
        return services;
    }

    /// <summary>
    /// Before the portal takes requests: runs this node left behind become 102, Hangfire's recurring jobs
    /// are rebuilt from the database, and the maintenance jobs are (re)registered.
    /// </summary>
    public static async Task PrepareExportsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        // Endings this node journaled while its database was away are the truth about its runs: recorded before recovery.
        await provider.GetRequiredService<RunFinisher>().ReplayAsync(cancellationToken);
        await provider.GetRequiredService<RunRecovery>().RecoverThisNodeAsync(cancellationToken);
        await provider.GetRequiredService<ExportScheduleSync>().SyncAllAsync(cancellationToken);

        var recurring = provider.GetRequiredService<IRecurringJobManager>();
        var health = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthOptions>>().Value;
        recurring.AddOrUpdate<RunRecovery>(RunRecovery.JobId, r => r.RecoverStaleAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<PruneJob>(PruneJob.JobId, p => p.PruneAsync(CancellationToken.None), Cron.Daily(3));
        recurring.AddOrUpdate<ComponentHealthJob>(ComponentHealthJob.JobId, h => h.CheckAllAsync(CancellationToken.None), health.Cron);
    }

    public static IEndpointRouteBuilder MapExportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapConnectionsApi();
        app.MapTemplatesApi();
        app.MapProfileApi();
        app.MapExportsApi();
        app.MapRunsApi();
        return app;
    }
}
