using Microsoft.EntityFrameworkCore;
using Portal.Connections;
using Portal.Health;
using Portal.Testbed.Network;
using Portal.Security;
using Portal.Tests.Integration.Runs;
using Portal.Contracts.Connections;
using Portal.Contracts.Shared;

namespace Portal.Tests.Integration.Connections;

public sealed class ConnectionServiceTests(PortalExportsFixture fixture) : PortalExportsTest(fixture)
{
    [Fact]
    public async Task Secrets_are_stored_encrypted_never_sent_back_and_kept_when_the_field_is_left_empty()
    {
        var (_, s3, registry) = await Host.ConnectionsAsync(Fixture);

        var overview = await Host.WithAsync<ConnectionService, ConnectionsOverview>(s => s.GetAsync(default));
        var stored = await Host.DbAsync(db => db.RegistryDestinations.AsNoTracking().SingleAsync(r => r.Id == registry));
        var target = overview.Registries.Single(r => r.Id == registry);
        await Host.WithAsync<ConnectionService, SaveResult>(c => c.SaveRegistryAsync(registry, new RegistryTargetForm
        {
            Name = target.Name, Host = target.Host, UserName = target.UserName, Password = "",
        }, default));
        var kept = await Host.DbAsync(db => db.RegistryDestinations.AsNoTracking().SingleAsync(r => r.Id == registry));

        Assert.True(target.HasPassword);
        Assert.DoesNotContain(PortalExportsFixture.TargetPassword, System.Text.Json.JsonSerializer.Serialize(overview), StringComparison.Ordinal);
        Assert.NotEqual(PortalExportsFixture.TargetPassword, stored.Password);
        Assert.Equal(PortalExportsFixture.TargetPassword,
            Host.Get<ISecretProtector>().ForPurpose(SecretPurposes.RegistryPassword).Unprotect(stored.Password!));
        Assert.Equal(stored.Password, kept.Password);
        Assert.True(overview.S3Targets.Single(t => t.Id == s3).HasSecretAccessKey);
    }

    [Fact]
    public async Task Clearing_a_secret_removes_it_and_a_typed_one_replaces_it()
    {
        var (_, _, registry) = await Host.ConnectionsAsync(Fixture);
        var form = new RegistryTargetForm { Name = "Registry", Host = Fixture.Target.Host, UserName = "someone", ClearPassword = true };

        await Host.WithAsync<ConnectionService, SaveResult>(c => c.SaveRegistryAsync(registry, form, default));
        var cleared = await Host.DbAsync(db => db.RegistryDestinations.AsNoTracking().SingleAsync(r => r.Id == registry));
        form.ClearPassword = false;
        form.Password = "new-secret";
        await Host.WithAsync<ConnectionService, SaveResult>(c => c.SaveRegistryAsync(registry, form, default));
        var replaced = await Host.DbAsync(db => db.RegistryDestinations.AsNoTracking().SingleAsync(r => r.Id == registry));

        Assert.Null(cleared.Password);
        Assert.Equal("new-secret", Host.Get<ISecretProtector>().ForPurpose(SecretPurposes.RegistryPassword).Unprotect(replaced.Password!));
    }

    [Fact]
    public async Task Test_buttons_report_what_works_and_what_does_not()
    {
        var (domino, s3, registry) = await Host.ConnectionsAsync(Fixture);
        var missingBucket = await Host.WithAsync<ConnectionService, SaveResult>(c => c.SaveS3TargetAsync(null, new S3TargetForm
        {
            Name = "Missing bucket", Bucket = "no-such-bucket", EndpointUrl = Fixture.S3.Url.ToString(),
            AccessKeyId = "S3RVER", SecretAccessKey = "S3RVER",
        }, default));
        var wrongLogin = await Host.WithAsync<ConnectionService, SaveResult>(c => c.SaveRegistryAsync(null, new RegistryTargetForm
        {
            Name = "Wrong login", Host = Fixture.Target.Host, UserName = PortalExportsFixture.TargetUser, Password = "wrong",
        }, default));

        var good = new[]
        {
            await TestAsync("domino", domino), await TestAsync("s3", s3), await TestAsync("registry", registry), await TestAsync("docker", 0),
        };
        var bucket = await TestAsync("s3", missingBucket.Id!.Value);
        var login = await TestAsync("registry", wrongLogin.Id!.Value);

        Assert.All(good, r => Assert.True(r.Healthy, string.Join("; ", r.Checks.Select(c => $"{c.Name}: {c.Message}"))));
        Assert.Contains(good[0].Checks, c => c.Name == "Domino API");
        Assert.False(bucket.Healthy);
        Assert.Contains("bucket", bucket.Checks.Single().Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(login.Healthy);
        // The registry itself says no, asked without a Docker engine in between.
        Assert.DoesNotContain(login.Checks, c => c.Name == "Docker engine");
        Assert.Contains(login.Checks, c => !c.Healthy && c.Message.Contains("refused the credentials", StringComparison.Ordinal));
        // Each test is recorded as the component's latest check (the dashboard and the setup checklist read it); the engine's is not.
        var recorded = await Host.DbAsync(db => db.ComponentChecks.AsNoTracking().OrderByDescending(c => c.Id).ToListAsync());
        Assert.True(recorded.First(c => c.Component == ComponentKind.S3 && c.TargetId == s3).Healthy);
        Assert.False(recorded.First(c => c.Component == ComponentKind.S3 && c.TargetId == missingBucket.Id).Healthy);
        Assert.False(recorded.First(c => c.Component == ComponentKind.Registry && c.TargetId == wrongLogin.Id).Healthy);
        Assert.True(recorded.First(c => c.Component == ComponentKind.Domino && c.TargetId == domino).Healthy);
        Assert.DoesNotContain(recorded, c => c.Component == ComponentKind.Docker);
    }

    [Fact]
    public async Task The_S3_test_writes_a_probe_object_and_deletes_it_again()
    {
        await using var proxy = FaultProxy.Start(Fixture.S3.Url);
        var (_, s3, _) = await Host.ConnectionsAsync(Fixture, s3Endpoint: proxy.Url);

        var result = await TestAsync("s3", s3);

        Assert.True(result.Healthy, string.Join("; ", result.Checks.Select(c => c.Message)));
        Assert.Contains("readable and writable", result.Checks.Single().Message, StringComparison.Ordinal);
        var lines = proxy.Requests.Select(r => r.Line).ToList();
        var put = Assert.Single(lines, l => l.StartsWith("PUT ", StringComparison.Ordinal) && l.Contains(".portal-probe-", StringComparison.Ordinal));
        var key = put.Split(' ')[1].Split('?')[0];
        Assert.Contains(lines, l => l.StartsWith($"DELETE {key}", StringComparison.Ordinal));
        Assert.DoesNotContain(await Fixture.S3.FingerprintAsync(PortalExportsFixture.Bucket, ""), o => o.Contains(".portal-probe-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_an_export_uses_cannot_be_deleted()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var export = await Host.ExportRecordAsync(scenario.ExportId);

        var refused = await Host.WithAsync<ConnectionService, SaveResult>(c => c.DeleteAsync("s3", export.S3DestinationId!.Value, default));

        // The refusal names the exports in the way (the fixture's scenarios share this target: five by name, then a count).
        Assert.False(refused.Succeeded);
        var message = refused.ErrorFor("")!;
        Assert.Matches(@"^(The export \S+ uses|\d+ exports, .+, use) this S3 target: change or archive them first\.$", message);
        Assert.True(message.Contains($"{export.GroupName}/{export.ProjectName}", StringComparison.Ordinal)
                    || System.Text.RegularExpressions.Regex.IsMatch(message, @"and \d+ more"), message);
    }

    [Fact]
    public async Task An_S3_target_only_archived_exports_used_can_be_deleted_and_they_let_go_of_it()
    {
        var scenario = await RunScenario.CreateAsync(Fixture, Host, image: false);
        var export = await Host.ExportRecordAsync(scenario.ExportId);
        await Host.WithAsync<Portal.Exports.ExportActions, SaveResult>(s => s.ArchiveAsync(scenario.User, scenario.ExportId, default));

        var deleted = await Host.WithAsync<ConnectionService, SaveResult>(c => c.DeleteAsync("s3", export.S3DestinationId!.Value, default));
        var domino = await Host.WithAsync<ConnectionService, SaveResult>(c => c.DeleteAsync("domino", export.DominoDeploymentId, default));

        Assert.True(deleted.Succeeded, deleted.ErrorFor(""));
        Assert.Null((await Host.ExportRecordAsync(scenario.ExportId)).S3DestinationId);
        Assert.False(domino.Succeeded);
        Assert.Contains("to this Domino deployment (archived exports count too)", domino.ErrorFor(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_connection_input_is_explained_field_by_field()
    {
        var result = await Host.WithAsync<ConnectionService, SaveResult>(c => c.SaveS3TargetAsync(null, new S3TargetForm
        {
            Name = "", Bucket = "b", EndpointUrl = "ftp://nope", StorageClass = "COLD", AccessKeyId = "only-an-id",
        }, default));

        Assert.False(result.Succeeded);
        Assert.NotNull(result.ErrorFor(nameof(S3TargetForm.Name)));
        Assert.NotNull(result.ErrorFor(nameof(S3TargetForm.Bucket)));
        Assert.NotNull(result.ErrorFor(nameof(S3TargetForm.EndpointUrl)));
        Assert.NotNull(result.ErrorFor(nameof(S3TargetForm.StorageClass)));
        Assert.NotNull(result.ErrorFor(nameof(S3TargetForm.SecretAccessKey)));
        Assert.Equal(0, await Host.DbAsync(db => db.S3Destinations.CountAsync()));
    }

    private Task<ConnectionTestResult> TestAsync(string kind, int id) =>
        Host.WithAsync<ConnectionService, ConnectionTestResult>(async c => (await c.TestAsync(kind, id, default))!);
}
