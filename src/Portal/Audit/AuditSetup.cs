using Hangfire;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Contracts.Audit;

namespace Portal.Audit;

/// <summary>
/// The audit log (docs/audit.md): who changed what, when, from where and through which interface; the admin page and
/// <c>/api/admin/audit</c>; each export's own entries; pruning after <c>Audit:Retention</c>.
/// </summary>
public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddScoped<AuditContext>();
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<AuditReader>();
        services.TryAddScoped<AuditPruneJob>();
        services.TryAddScoped<CircuitAddress>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitAddressHandler>());
        services.TryAddScoped<IAuditClient, ServerAuditClient>();
        return services;
    }

    public static void PrepareAudit(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<AuditPruneJob>(AuditPruneJob.JobId, p => p.PruneAsync(CancellationToken.None), Cron.Daily(3, 30));
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapAuditApi();
        return app;
    }
}
