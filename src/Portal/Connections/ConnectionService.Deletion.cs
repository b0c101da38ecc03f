using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Contracts.Shared;

namespace Portal.Connections;

// Deleting a connection: only one no active export uses.
public sealed partial class ConnectionService
{
    /// <summary>
    /// Deletes a connection no active export uses. Archived exports let go of their S3 target or registry
    /// (their runs keep what they recorded); a Domino deployment stays while any export, archived or not, names it.
    /// </summary>
    public async Task<SaveResult> DeleteAsync(string kind, int id, CancellationToken cancellationToken)
    {
        int deleted;
        string? name = null;
        switch (kind)
        {
            case "domino":
                if (await UsersAsync(db.Exports.Where(e => e.DominoDeploymentId == id), "belongs", "belong", cancellationToken) is { } owners)
                    return SaveResult.Invalid("", $"{owners} to this Domino deployment (archived exports count too), so it cannot be deleted.");
                name = await db.DominoDeployments.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
                deleted = await db.DominoDeployments.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case "s3":
                if (await UsersAsync(db.Exports.Where(e => !e.Archived && e.S3DestinationId == id), "uses", "use", cancellationToken) is { } s3Users)
                    return SaveResult.Invalid("", $"{s3Users} this S3 target: change or archive them first.");
                name = await db.S3Destinations.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
                await db.Exports.Where(e => e.S3DestinationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.S3DestinationId, (int?)null), cancellationToken);
                deleted = await db.S3Destinations.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case "registry":
                if (await UsersAsync(db.Exports.Where(e => !e.Archived && e.RegistryDestinationId == id), "uses", "use", cancellationToken) is { } registryUsers)
                    return SaveResult.Invalid("", $"{registryUsers} this registry target: change or archive them first.");
                name = await db.RegistryDestinations.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
                await db.Exports.Where(e => e.RegistryDestinationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.RegistryDestinationId, (int?)null), cancellationToken);
                deleted = await db.RegistryDestinations.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            default:
                return SaveResult.Invalid("", $"Unknown kind of connection \"{kind}\".");
        }
        if (deleted != 1) return SaveResult.Missing("This connection no longer exists.");
        await audit.RecordAsync(AuditActions.ConnectionDelete, AuditObject.Connection(kind, id, name), cancellationToken: cancellationToken);
        return SaveResult.Ok(id);
    }

    /// <summary>"8 exports, team/model, … and 3 more, use": the exports in the way, by name, with the verb; null when there are none.</summary>
    private static async Task<string?> UsersAsync(IQueryable<Exports.Export> exports, string one, string many, CancellationToken cancellationToken)
    {
        const int shown = 5;
        var count = await exports.CountAsync(cancellationToken);
        if (count == 0) return null;
        var names = await exports.OrderBy(e => e.GroupName).ThenBy(e => e.ProjectName).Take(shown)
            .Select(e => e.GroupName + "/" + e.ProjectName).ToListAsync(cancellationToken);
        var list = count > shown ? $"{string.Join(", ", names)} and {count - shown} more"
            : names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        return count == 1 ? $"The export {list} {one}" : $"{count} exports, {list}, {many}";
    }
}
