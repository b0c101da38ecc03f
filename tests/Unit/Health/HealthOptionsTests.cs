using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Health;
using Portal.Nodes;
using Portal.Jobs;

namespace Portal.Tests.Unit.Health;

public sealed class HealthOptionsTests
{
    [Fact]
    public void The_check_interval_from_configuration_schedules_the_component_checks()
    {
        using var services = Services(new() { ["Health:CheckInterval"] = "00:05:00" });

        services.PrepareHealth();

        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ComponentHealthJob.JobId);
        Assert.Equal("*/5 * * * *", job.Cron);
    }

    [Fact]
    public void Without_a_setting_the_components_are_checked_every_minute()
    {
        using var services = Services([]);

        Assert.Equal("* * * * *", services.GetRequiredService<IOptions<HealthOptions>>().Value.Cron);
    }

    [Fact]
    public void A_check_interval_under_a_minute_fails_validation()
    {
        using var services = Services(new() { ["Health:CheckInterval"] = "00:00:30" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HealthOptions>>().Value);
        Assert.Contains(nameof(HealthOptions.CheckInterval), error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddNodes(configuration, NodeRole.Web)
            .AddJobs(configuration, DatabaseProvider.Sqlite, "Data Source=:memory:", NodeRole.Web)
            .AddHealth(configuration)
            .BuildServiceProvider();
    }
}
