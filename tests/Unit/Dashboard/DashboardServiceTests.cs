using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Accounts;
using Portal.Connections;
using Portal.Dashboard;
using Portal.Data;
using Portal.Exports;
using Portal.Health;
using Portal.Profile;
using Portal.Runs;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;

namespace Portal.Tests.Unit.Dashboard;

/// <summary>The dashboard's numbers from a real SQLite database with the committed migrations.</summary>
public sealed class DashboardServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private PortalServices portal = default!;
    private PortalUser alice = default!;
    private PortalUser bob = default!;
    private readonly PortalUser admin = new("admin-id", "admin@example.com", IsAdmin: true);

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        await using var scope = portal.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        alice = await UserAsync(users, "alice@example.com");
        bob = await UserAsync(users, "bob@example.com");
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.DominoDeployments.Add(new DominoDeployment { Name = "Domino prod", ApiUrl = "https://domino.example.com", RegistryHost = "registry.example.com" });
        db.S3Destinations.Add(new S3Destination { Name = "Archive", Bucket = "exports" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Tiles_count_a_users_own_exports_and_their_runs_of_the_last_24_hours_by_outcome()
    {
        var mine = await ExportAsync(alice, enabled: true, running: true);
        await ExportAsync(alice, enabled: false);
        await ExportAsync(alice, archived: true);
        var theirs = await ExportAsync(bob);
        await RunsAsync(mine, (290, 2, 1000), (290, 3, 500), (141, 4, 0), (200, 5, 0), (101, 6, 0), (104, 7, 10), (315, 1, 99), (290, 30, 5000));
        await RunsAsync(theirs, (290, 1, 777), (141, 2, 0));

        var tiles = await Service().TilesAsync(alice, ownerId: bob.Id, CancellationToken.None);

        Assert.Equal((1, 1, 1), (tiles.ActiveExports, tiles.DisabledExports, tiles.RunningNow));
        Assert.Equal(new(Succeeded: 2, Failed: 1, Skipped: 2, Cancelled: 1), tiles.Last24Hours);
        Assert.Equal(1000 + 500 + 10 + 99, tiles.BytesLast24Hours);
    }

    [Fact]
    public async Task Admins_see_everyones_numbers_or_one_owners()
    {
        var alices = await ExportAsync(alice);
        await RunsAsync(await ExportAsync(bob), (141, 1, 0), (290, 2, 50));
        await RunsAsync(alices, (290, 1, 100));

        var all = await Service().TilesAsync(admin, null, CancellationToken.None);
        var bobs = await Service().TilesAsync(admin, bob.Id, CancellationToken.None);

        Assert.Equal((2, 2, 1, 150L), (all.ActiveExports, all.Last24Hours.Succeeded, all.Last24Hours.Failed, all.BytesLast24Hours));
        Assert.Equal((1, 1, 1, 50L), (bobs.ActiveExports, bobs.Last24Hours.Succeeded, bobs.Last24Hours.Failed, bobs.BytesLast24Hours));
    }

    [Fact]
    public async Task Daily_runs_come_from_the_daily_totals_with_a_row_for_every_day_oldest_first()
    {
        await using (var scope = portal.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            db.RunDailyStats.AddRange(
                Stat(today, alice, RunOutcome.Succeeded, 5, 5000), Stat(today, alice, RunOutcome.Failed, 1, 0),
                Stat(today.AddDays(-2), alice, RunOutcome.Skipped, 3, 0), Stat(today, bob, RunOutcome.Succeeded, 9, 9000),
                Stat(today.AddDays(-7), alice, RunOutcome.Succeeded, 100, 1));
            await db.SaveChangesAsync();
        }

        var days = await Service().DailyAsync(alice, 7, null, CancellationToken.None);

        Assert.Equal(7, days.Count);
        Assert.Equal(new DateOnly(2026, 11, 4), days[0].Day);
        Assert.Equal(new DailyRunsRow(5, 1, 0, 5000), Row(days[^1]));
        Assert.Equal(new DailyRunsRow(0, 0, 3, 0), Row(days[^3]));
        Assert.Equal(new DailyRunsRow(14, 1, 0, 14000), Row((await Service().DailyAsync(admin, 7, null, CancellationToken.None))[^1]));
    }

    [Fact]
    public async Task Health_shows_the_latest_check_of_each_connection_and_says_when_one_was_never_checked()
    {
        await using (var scope = portal.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ComponentChecks.AddRange(
                Check(ComponentKind.Domino, Now.AddMinutes(-10), healthy: false, "timed out"),
                Check(ComponentKind.Domino, Now.AddMinutes(-1), healthy: true, "answers"),
                Check(ComponentKind.S3, Now.AddMinutes(-1), healthy: false, "Access Denied"));
            await db.SaveChangesAsync();
        }

        var components = (await Service().TilesAsync(alice, null, CancellationToken.None)).Components;

        Assert.Equal(["Domino", "DominoRegistry", "S3"], components.Select(c => c.Component));
        Assert.Equal((true, "answers", Now.AddMinutes(-1)), (components[0].Healthy, components[0].Message, components[0].CheckedAt));
        Assert.Equal((false, (DateTimeOffset?)null), (components[1].Healthy, components[1].CheckedAt));
        Assert.Equal((false, "Access Denied"), (components[2].Healthy, components[2].Message));
    }

    [Fact]
    public async Task The_export_chart_has_the_last_runs_oldest_first_and_other_users_exports_are_not_found()
    {
        var export = await ExportAsync(alice);
        await RunsAsync(export, (290, 5, 100), (290, 4, 200), (141, 3, 0), (290, 2, 400));

        var points = await Service().ExportRunsAsync(alice, export, 3, CancellationToken.None);

        Assert.Equal([2, 3, 4], points!.Select(p => p.Number));
        Assert.Equal([200L, 0, 400], points!.Select(p => p.Bytes));
        Assert.Equal(60, points![0].DurationSeconds);
        Assert.Null(await Service().ExportRunsAsync(bob, export, 3, CancellationToken.None));
    }

    private sealed record DailyRunsRow(int Succeeded, int Failed, int Skipped, long Bytes);

    private static DailyRunsRow Row(Portal.Contracts.Dashboard.DailyRuns d) => new(d.Succeeded, d.Failed, d.Skipped, d.Bytes);

    [Fact]
    public async Task The_setup_checklist_follows_the_portal_for_admins_and_each_persons_own_steps()
    {
        var start = await Service().SetupAsync(admin, CancellationToken.None);
        Assert.Equal((true, false, false, false, 2), (start.HasDomino, start.HasTestedS3, start.HasV1Settings, start.FirstUserApproved, start.PendingUsers));
        Assert.False(start.AdminDone);

        await ChangeAsync(db =>
        {
            var target = db.S3Destinations.Single();
            // A target that passed once and fails now is not a tested target.
            db.ComponentChecks.Add(new ComponentCheck { Component = ComponentKind.S3, TargetId = target.Id, TargetName = target.Name, Healthy = true, CheckedAt = Now.AddHours(-2) });
            db.ComponentChecks.Add(new ComponentCheck { Component = ComponentKind.S3, TargetId = target.Id, TargetName = target.Name, Healthy = false, CheckedAt = Now.AddHours(-1) });
            db.PortalSettings.Add(new PortalSetting { Key = Portal.V1.V1Settings.DominoDeploymentKey, Value = db.DominoDeployments.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        });
        var halfway = await Service().SetupAsync(admin, CancellationToken.None);
        Assert.Equal((false, false), (halfway.HasTestedS3, halfway.HasV1Settings));

        await ChangeAsync(db =>
        {
            var target = db.S3Destinations.Single();
            db.ComponentChecks.Add(new ComponentCheck { Component = ComponentKind.S3, TargetId = target.Id, TargetName = target.Name, Healthy = true, CheckedAt = Now });
            db.PortalSettings.Add(new PortalSetting { Key = Portal.V1.V1Settings.S3TargetKey, Value = target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            db.Users.Single(u => u.Id == alice.Id).Status = Portal.Contracts.Accounts.AccountStatus.Approved;
            db.DominoApiKeys.Add(new DominoApiKey { UserId = alice.Id, DominoDeploymentId = db.DominoDeployments.Single().Id, ProtectedKey = "p", KeyHash = "h" });
        });
        var done = await Service().SetupAsync(admin, CancellationToken.None);
        var alices = await Service().SetupAsync(alice, CancellationToken.None);
        await ExportAsync(alice);
        var alicesLater = await Service().SetupAsync(alice, CancellationToken.None);

        Assert.True(done.AdminDone);
        Assert.Equal(1, done.PendingUsers);
        Assert.False(done.UserDone); // the admin has no key of their own
        Assert.Equal((false, 0, false, true, false), (alices.IsAdmin, alices.PendingUsers, alices.HasDomino, alices.HasDominoKey, alices.HasExports));
        Assert.True(alices.AdminDone); // not hers to do
        Assert.True(alicesLater.UserDone);
    }

    private async Task ChangeAsync(Action<PortalDbContext> change)
    {
        await using var scope = portal.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    private DashboardService Service() => new(portal.Services.CreateScope().ServiceProvider.GetRequiredService<PortalDbContext>(), time);

    private static async Task<PortalUser> UserAsync(UserManager<ApplicationUser> users, string email)
    {
        var user = new ApplicationUser { UserName = email, Email = email };
        await users.CreateAsync(user);
        return new PortalUser(user.Id, email, IsAdmin: false);
    }

    private async Task<int> ExportAsync(PortalUser owner, bool enabled = true, bool archived = false, bool running = false)
    {
        await using var scope = portal.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var export = new Export
        {
            ExportKey = Guid.NewGuid().ToString("N"), Kind = ExportKind.Project, OwnerId = owner.Id, DominoDeploymentId = 1,
            GroupName = "team", ProjectName = Guid.NewGuid().ToString("N"), Schedule = "0 * * * *", Enabled = enabled, Archived = archived,
        };
        db.Exports.Add(export);
        await db.SaveChangesAsync();
        if (running) export.ActiveRunId = 12345;
        await db.SaveChangesAsync();
        return export.Id;
    }

    /// <summary>Runs of an export: (status, hours ago, bytes); each took a minute. Stored oldest first, as they are created.</summary>
    private async Task RunsAsync(int exportId, params (int Status, int HoursAgo, long Bytes)[] runs)
    {
        await using var scope = portal.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var number = db.Runs.Count(r => r.ExportId == exportId);
        foreach (var (status, hoursAgo, bytes) in runs.OrderByDescending(r => r.HoursAgo))
        {
            var at = Now.AddHours(-hoursAgo);
            db.Runs.Add(new Run
            {
                ExportId = exportId, Number = ++number, Status = (StatusCode)status, CreatedAt = at, StartedAt = at,
                EndedAt = status >= 300 ? null : at.AddMinutes(1), BytesDone = bytes,
            });
        }
        await db.SaveChangesAsync();
    }

    private static RunDailyStat Stat(DateOnly day, PortalUser owner, RunOutcome outcome, int runs, long bytes) =>
        new() { Day = day, OwnerId = owner.Id, Kind = ExportKind.Project, Outcome = outcome, Runs = runs, Bytes = bytes };

    private static ComponentCheck Check(ComponentKind kind, DateTimeOffset at, bool healthy, string message) =>
        new() { Component = kind, TargetId = 1, TargetName = kind.ToString(), CheckedAt = at, Healthy = healthy, Message = message };

    public async Task DisposeAsync() => await portal.DisposeAsync();
}
