using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Audit;
using Portal.Connections;
using Portal.Contracts.Connections;
using Portal.Data;
using Portal.Exports;
using Portal.Health;
using Portal.Templates;

namespace Portal.Tests.Unit.Audit;

/// <summary>The services record their changes on the real database; secrets typed into a form never reach the log.</summary>
public sealed class AuditRecordingTests : IAsyncLifetime
{
    private const string Secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
    private PortalServices portal = null!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync(features: (services, configuration) => services
        .AddDomain(configuration).AddHealth(configuration).AddExports(configuration).AddPortalConnections().AddTemplates());

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = portal.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task An_S3_targets_secret_is_recorded_as_set_and_changed_never_as_its_value()
    {
        var form = new S3TargetForm { Name = "Lab", Bucket = "exports", AccessKeyId = "AKIAEXAMPLE", SecretAccessKey = Secret };
        var id = (await InScopeAsync(sp => sp.GetRequiredService<ConnectionService>().SaveS3TargetAsync(null, form, default))).Id!.Value;
        form.SecretAccessKey = Secret + "-rotated";
        form.Bucket = "archive";
        await InScopeAsync(sp => sp.GetRequiredService<ConnectionService>().SaveS3TargetAsync(id, form, default));

        var entries = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

        Assert.Equal(["connection.create", "connection.update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("connection:s3", "Lab", "system"), (e.ObjectType, e.ObjectName, e.Interface)));
        Assert.Contains("SecretAccessKey: secret set", entries[0].Changes, StringComparison.Ordinal);
        Assert.Equal("Bucket: \"exports\" → \"archive\"; SecretAccessKey: secret changed", entries[1].Changes);
        Assert.All(entries, e => Assert.DoesNotContain("EXAMPLEKEY", e.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_edit_and_deletion_are_recorded_with_the_name()
    {
        var templates = (Func<IServiceProvider, TemplateService>)(sp => sp.GetRequiredService<TemplateService>());
        var form = new Portal.Contracts.Templates.TemplateForm { Name = "Labels", Content = "FROM {DOMINO_DOCKER_IMAGE}\n" };
        var id = (await InScopeAsync(sp => templates(sp).SaveAsync(null, form, default))).Id!.Value;
        form.Content = "FROM {DOMINO_DOCKER_IMAGE}\nLABEL team=a\n";
        await InScopeAsync(sp => templates(sp).SaveAsync(id, form, default));
        await InScopeAsync(sp => templates(sp).DeleteAsync(id, default));

        var entries = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.ObjectType == "template").OrderBy(a => a.Id).ToListAsync());

        Assert.Equal(["template.create", "template.update", "template.delete"], entries.Select(e => e.Action));
        Assert.Equal("Content: \"FROM {DOMINO_DOCKER_IMAGE}\n\" → \"FROM {DOMINO_DOCKER_IMAGE}\nLABEL team=a\n\"", entries[1].Changes);
        Assert.All(entries, e => Assert.Equal("Labels", e.ObjectName));
    }

    [Fact]
    public async Task The_prune_job_deletes_entries_older_than_the_retention_only()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            foreach (var days in new[] { 400, 366, 364, 1 })
                db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow().AddDays(-days), Actor = $"{days}", Interface = "api", Action = "x", ObjectType = "y" });
            return await db.SaveChangesAsync();
        });

        var pruned = await InScopeAsync(sp => new AuditPruneJob(sp.GetRequiredService<PortalDbContext>(),
            Microsoft.Extensions.Options.Options.Create(new AuditOptions()), clock).PruneAsync(default));
        var left = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.Select(a => a.Actor).ToListAsync());

        Assert.Equal(2, pruned);
        Assert.Equal(["1", "364"], left.Order());
    }
}
