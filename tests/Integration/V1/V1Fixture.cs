using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Exports;
using Portal.Runs;
using Portal.Testbed.Domino;
using Portal.Tests.Integration.Support;
using Portal.Contracts.Runs;

namespace Portal.Tests.Integration.V1;

/// <summary>
/// A portal set up for the v1 API: an admin, Alice (who stored her Domino key on her profile) and Bob (another
/// approved user with his own key), and Domino users whose keys no portal account stored.
/// </summary>
public sealed class V1Fixture : PortalHost
{
    public PortalUser Admin { get; private set; } = null!;
    public PortalUser Alice { get; private set; } = null!;
    public PortalUser Bob { get; private set; } = null!;
    public DominoUser DominoAlice { get; private set; } = null!;
    public DominoUser DominoBob { get; private set; } = null!;
    public V1Setup Setup { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await UserAsync("admin@example.com");
        Alice = await UserAsync("alice@example.com");
        Bob = await UserAsync("bob@example.com");
        DominoAlice = Domino.AddUser("alice");
        DominoBob = Domino.AddUser("bob");
        Setup = await SetUpV1Async();
        await StoreDominoKeyAsync(Alice, Setup.DeploymentId, DominoAlice.ApiKey);
        await StoreDominoKeyAsync(Bob, Setup.DeploymentId, DominoBob.ApiKey);
    }

    /// <summary>A Domino project of Alice's that her key may export.</summary>
    public TestProject AliceProject(string name) => Domino.AddProject(DominoAlice, name);

    public Task<Export?> ExportAsync(string exportKey) =>
        DbAsync(db => db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.ExportKey == exportKey));

    public Task<int> CountAsync() => DbAsync(db => db.Exports.CountAsync());

    public Task<int> RunCountAsync() => DbAsync(db => db.Runs.CountAsync());

    /// <summary>Records a finished run of an export, as the runner would have.</summary>
    public Task<Run> AddRunAsync(string exportKey, StatusCode status, Action<Run>? shape = null, params string[] imageReferences) =>
        DbAsync(async db =>
        {
            var export = await db.Exports.SingleAsync(e => e.ExportKey == exportKey);
            var number = (await db.Runs.Where(r => r.ExportId == export.Id).MaxAsync(r => (int?)r.Number) ?? 0) + 1;
            var started = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddHours(number);
            var run = new Run
            {
                ExportId = export.Id,
                Number = number,
                Trigger = RunTrigger.Schedule,
                Status = status,
                CreatedAt = started,
                StartedAt = started,
                EndedAt = started.AddSeconds(90),
            };
            shape?.Invoke(run);
            run.Images.AddRange(imageReferences.Select(r => new RunImage { Reference = r }));
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            return run;
        });
}
