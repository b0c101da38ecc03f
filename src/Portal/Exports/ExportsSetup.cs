using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Contracts.Exports;

namespace Portal.Exports;

/// <summary>Exports: what to copy where and when, their rules, schedules and pages' API.</summary>
public static class ExportsSetup
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportsOptions>().Bind(configuration.GetSection(ExportsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ExportRequests>();
        services.AddScoped<ExportScheduleSync>();
        // The schedule puts each export's recurring job on the queue its runs need, as Run now does (Runs).
        services.TryAddScoped<Portal.Runs.JobQueues>();
        services.AddScoped<UserDominoClients>();
        services.AddScoped<ProjectAccessCheck>();
        services.AddScoped<ExportValidator>();
        services.AddScoped<ExportStore>();
        services.AddScoped<ExportList>();
        services.AddScoped<ExportReader>();
        services.AddScoped<ExportForms>();
        services.AddScoped<ExportActions>();
        services.AddScoped<DominoProjects>();
        services.AddScoped<ExportFilterPreview>();
        services.AddScoped<IExportsClient, ServerExportsClient>();
        return services;
    }

    /// <summary>Rebuilds Hangfire's recurring export jobs from the database (the embedded default keeps Hangfire in memory).</summary>
    public static async Task PrepareExportsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExportScheduleSync>().SyncAllAsync(cancellationToken);
    }
}
