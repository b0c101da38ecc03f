using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Contracts.Accounts;
using Portal.Contracts.Dashboard;
using Portal.Health;
using Portal.V1;

namespace Portal.Dashboard;

// The setup checklist: a handful of existence checks, each one indexed query.
public sealed partial class DashboardService
{
    public async Task<SetupProgress> SetupAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var progress = new SetupProgress
        {
            IsAdmin = user.IsAdmin,
            HasDominoKey = await db.DominoApiKeys.AnyAsync(k => k.UserId == user.Id, cancellationToken),
            HasExports = await db.Exports.AnyAsync(e => e.OwnerId == user.Id, cancellationToken),
        };
        if (!user.IsAdmin) return progress;

        var settings = await db.PortalSettings.AsNoTracking()
            .Where(s => s.Key == V1Settings.DominoDeploymentKey || s.Key == V1Settings.S3TargetKey)
            .CountAsync(s => s.Value != null && s.Value != "", cancellationToken);
        var admins = db.UserRoles.Join(db.Roles.Where(role => role.Name == PortalRoles.Admin), r => r.RoleId, role => role.Id, (r, _) => r.UserId);
        return progress with
        {
            HasDomino = await db.DominoDeployments.AnyAsync(cancellationToken),
            HasTestedS3 = await TestedS3Async(cancellationToken),
            HasV1Settings = settings == 2,
            FirstUserApproved = await db.Users.AnyAsync(u => u.Status == AccountStatus.Approved && !admins.Contains(u.Id), cancellationToken),
            PendingUsers = await db.Users.CountAsync(u => u.Status == AccountStatus.Pending, cancellationToken),
        };
    }

    /// <summary>An S3 target whose latest recorded check passed.</summary>
    private async Task<bool> TestedS3Async(CancellationToken cancellationToken)
    {
        foreach (var id in await db.S3Destinations.Select(s => s.Id).ToListAsync(cancellationToken))
        {
            var latest = await db.ComponentChecks.Where(c => c.Component == ComponentKind.S3 && c.TargetId == id)
                .OrderByDescending(c => c.CheckedAt).Select(c => (bool?)c.Healthy).FirstOrDefaultAsync(cancellationToken);
            if (latest == true) return true;
        }
        return false;
    }
}
