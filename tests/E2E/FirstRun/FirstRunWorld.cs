using Portal.Testbed.Browser;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Testbed.S3;

namespace Portal.Tests.E2E.FirstRun;

/// <summary>
/// An empty portal (no admin email configured: the first account becomes Admin), an S3 server, a Domino double whose
/// project list carries no permission fields (as some Domino versions answer), and Chromium: one of each for the walk.
/// </summary>
public sealed class FirstRunWorld : IAsyncLifetime
{
    public const string Bucket = "first-run";

    public S3Server S3 { get; private set; } = null!;
    public DominoDouble Domino { get; private set; } = null!;
    public PortalProcess Portal { get; private set; } = null!;
    public ChromiumBrowser Chromium { get; private set; } = null!;
    public DominoUser DominoUser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        try
        {
            S3 = await S3Server.StartAsync(Bucket);
            Domino = await DominoDouble.StartAsync();
            Domino.ProjectListShape = ProjectListShape.Lean;
            DominoUser = Domino.AddUser("hopper");
            Portal = await PortalProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Domino:RetryDelay"] = "00:00:00.050",
                ["Exports:ProgressInterval"] = "00:00:00.500",
                ["Exports:RetryDelay"] = "00:00:00.050",
            });
            Chromium = await ChromiumBrowser.LaunchAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
        if (Domino is not null) await Domino.DisposeAsync();
        if (S3 is not null) await S3.DisposeAsync();
    }
}
