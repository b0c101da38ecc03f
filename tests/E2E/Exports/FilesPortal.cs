using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Testbed.S3;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;
using Portal.Contracts.Connections;

namespace Portal.Tests.E2E.Exports;

/// <summary>
/// A portal of its own for one test class, exporting files only (no registry, no podman): an S3 server,
/// a Domino double, the portal on a fresh data folder and an admin, signed in once, who set up the
/// connections and stored a Domino key (through the API: the pages for those are proved elsewhere).
/// Small enough to run beside the exports collection, and the class may kill and restart its portal.
/// </summary>
public sealed class FilesPortal : IAsyncLifetime
{
    public const string Bucket = "files-exports";
    public const string S3Target = "Files bucket";

    private IBrowserContext? context;

    public S3Server S3 { get; private set; } = null!;
    public DominoDouble Domino { get; private set; } = null!;
    public PortalProcess Portal { get; private set; } = null!;
    public ChromiumBrowser Chromium { get; private set; } = null!;
    public DominoUser DominoUser { get; private set; } = null!;
    public Person Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        try
        {
            S3 = await S3Server.StartAsync(Bucket);
            Domino = await DominoDouble.StartAsync();
            Portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Portal:AdminEmail"] = People.AdminEmail,
                // A restarted portal finds the runs it left by its node name.
                ["Portal:NodeName"] = "files-node",
                ["Domino:RetryDelay"] = "00:00:00.050",
                ["Exports:ProgressInterval"] = "00:00:00.500",
                ["Exports:RetryDelay"] = "00:00:00.050",
            });
            Chromium = await ChromiumBrowser.LaunchAsync();
            DominoUser = Domino.AddUser("lin");

            context = await Chromium.NewContextAsync(Portal.BaseAddress);
            Admin = new Person(People.AdminEmail, context, await context.NewPageAsync());
            await new RegisterPage(Admin.Page).RegisterAsync(People.AdminEmail, People.Password);
            await Expect(new PortalShell(Admin.Page).Heading).ToHaveTextAsync($"Welcome, {People.AdminEmail}");
            var deployment = await Admin.Api.SaveConnectionAsync("domino", new DominoDeploymentForm { Name = People.Deployment, ApiUrl = Domino.Url.ToString() });
            await Admin.Api.SaveConnectionAsync("s3", new S3TargetForm
            {
                Name = S3Target,
                Bucket = Bucket,
                EndpointUrl = S3.Url.ToString(),
                AccessKeyId = S3Server.Credentials.AccessKey,
                SecretAccessKey = S3Server.Credentials.SecretKey,
            });
            await Admin.Api.SaveDominoKeyAsync(deployment, DominoUser.ApiKey);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public TestProject Project(string name, params TestFile[] files)
    {
        var project = Domino.AddProject(DominoUser, name);
        project.Commit(files);
        return project;
    }

    public async Task DisposeAsync()
    {
        if (context is not null) await context.DisposeAsync();
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
        if (Domino is not null) await Domino.DisposeAsync();
        if (S3 is not null) await S3.DisposeAsync();
    }
}
