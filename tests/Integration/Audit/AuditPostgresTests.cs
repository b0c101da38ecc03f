using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Audit;
using Portal.Contracts.Audit;
using Portal.Data;
using Portal.Security;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Audit;

/// <summary>The log's filters, paging and pruning on a real PostgreSQL server (case-insensitive terms, times with any offset).</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditPostgresTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Filters_paging_and_pruning_work_on_PostgreSQL()
    {
        var clock = new FakeTimeProvider(Start);
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddData(configuration, DatabaseProvider.PostgreSql, await postgres.DatabaseAsync("audit"))
            .AddSecurity()
            .AddAudit(configuration)
            .BuildServiceProvider();
        await services.MigratePortalDatabaseAsync();
        foreach (var (name, action, target) in new[]
                 {
                     ("Alice@Example.com", AuditActions.ExportArchive, AuditObject.Export(7, "team/Churn")),
                     ("bob@example.com", AuditActions.ConnectionUpdate, AuditObject.Connection("s3", 2, "Lab")),
                     ("alice@example.com", AuditActions.TemplateCreate, AuditObject.Template(3, "Labels")),
                 })
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().UsePage(new Portal.Accounts.PortalUser("id-" + name, name, false), "10.0.0.1");
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(action, target, "x");
            clock.Advance(TimeSpan.FromDays(200));
        }

        async Task<List<string>> ActionsAsync(AuditQuery query)
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<AuditReader>().ListAsync(query, default)).Items.Select(e => e.Action).ToList();
        }

        Assert.Equal([AuditActions.TemplateCreate, AuditActions.ExportArchive], await ActionsAsync(new AuditQuery(Person: "ALICE")));
        Assert.Equal([AuditActions.ExportArchive], await ActionsAsync(new AuditQuery(Object: "churn")));
        Assert.Equal([AuditActions.ConnectionUpdate], await ActionsAsync(new AuditQuery(Object: "connection")));
        Assert.Equal([AuditActions.TemplateCreate], await ActionsAsync(new AuditQuery(Action: "TEMPLATE.")));
        // 200 days after the first entry, as 14:00 at +02:00.
        var second = Start.AddDays(200).ToOffset(TimeSpan.FromHours(2));
        Assert.Equal([AuditActions.ConnectionUpdate], await ActionsAsync(new AuditQuery(From: second, To: second)));
        Assert.Equal([AuditActions.ConnectionUpdate], await ActionsAsync(new AuditQuery(Page: 1, PageSize: 1)));

        await using (var scope = services.CreateAsyncScope())
        {
            // Now is 600 days after the first: a year's retention keeps only the last (200 days old).
            var pruned = await new AuditPruneJob(scope.ServiceProvider.GetRequiredService<PortalDbContext>(),
                scope.ServiceProvider.GetRequiredService<IOptions<AuditOptions>>(), clock).PruneAsync(default);
            Assert.Equal(2, pruned);
        }
        Assert.Equal([AuditActions.TemplateCreate], await ActionsAsync(new AuditQuery()));
    }
}
