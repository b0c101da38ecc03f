using Portal.Accounts;
using Portal.Testbed.Domino;
using Portal.Contracts.Exports;

namespace Portal.Tests.Integration.Runs;

/// <summary>One test's world: a portal user with a stored key, a Domino project with files and an environment image, an export.</summary>
public sealed record RunScenario(ExportsHost Host, PortalUser User, DominoUser DominoUser, TestProject Project, TestEnvironment Environment,
    int ExportId, string Group, string Name)
{
    public static async Task<RunScenario> CreateAsync(PortalExportsFixture fixture, ExportsHost host, bool files = true, bool image = true,
        string? s3Secret = null, string? bucket = null, IEnumerable<TestFile>? content = null, Uri? s3Endpoint = null)
    {
        var n = fixture.Next();
        var user = await host.UserAsync($"user{n}@example.com");
        var (domino, s3, registry) = await host.ConnectionsAsync(fixture, s3Secret, bucket, s3Endpoint);
        var dominoUser = fixture.Domino.AddUser($"owner{n}");
        var project = fixture.Domino.AddProject(dominoUser, $"Project {n}");
        project.Commit(content ?? [
            new TestFile("README.md", TestContent.FromText($"project {n}")),
            new TestFile("data/rows.csv", TestContent.Generated(300_000, seed: n)),
            new TestFile("deep/a/b/empty.txt", TestContent.FromBytes([])),
        ]);
        var environment = fixture.Domino.AddEnvironment($"Env {n}");
        environment.AddRevision(await fixture.Images.PublishAsync($"environments/env{n}", "v1", marker: $"env {n} revision 1"));
        project.SelectEnvironment(environment.Id, 1);
        await host.StoreKeyAsync(user, domino, dominoUser);
        var group = $"team{n}";
        var name = $"project{n}";
        var exportId = await host.CreateExportAsync(user, new ExportForm
        {
            Kind = ExportKind.Project,
            DominoDeploymentId = domino,
            DominoOwnerName = dominoUser.UserName,
            DominoProjectName = project.Name,
            GroupName = group,
            ProjectName = name,
            ExportFiles = files,
            ExportImage = image,
            S3TargetId = s3,
            RegistryTargetId = registry,
            Schedule = "0 3 * * *",
        });
        return new RunScenario(host, user, dominoUser, project, environment, exportId, group, name);
    }

    public string S3Prefix => $"projects/{Group}/{Name}/";

    public Task<long> QueueRunAsync() => Host.QueueRunAsync(User, ExportId);

    /// <summary>Queues a run and runs it to its end.</summary>
    public async Task<Portal.Runs.Run> RunNowAsync()
    {
        var runId = await QueueRunAsync();
        await Host.RunAsync(runId);
        return await Host.RunRecordAsync(runId);
    }
}
