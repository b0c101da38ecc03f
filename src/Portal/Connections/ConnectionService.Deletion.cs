using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
        const string inUse = "Exports use this connection: change or archive them first.";
        int deleted;
        switch (kind)
        {
            case "domino":
                if (await db.Exports.AnyAsync(e => e.DominoDeploymentId == id, cancellationToken))
                    return SaveResult.Invalid("", "Exports (archived ones too) belong to this Domino deployment: it cannot be deleted.");
                deleted = await db.DominoDeployments.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case "s3":
                if (await db.Exports.AnyAsync(e => !e.Archived && e.S3DestinationId == id, cancellationToken)) return SaveResult.Invalid("", inUse);
                await db.Exports.Where(e => e.S3DestinationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.S3DestinationId, (int?)null), cancellationToken);
                deleted = await db.S3Destinations.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case "registry":
                if (await db.Exports.AnyAsync(e => !e.Archived && e.RegistryDestinationId == id, cancellationToken)) return SaveResult.Invalid("", inUse);
                await db.Exports.Where(e => e.RegistryDestinationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.RegistryDestinationId, (int?)null), cancellationToken);
                deleted = await db.RegistryDestinations.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
                break;
            default:
                return SaveResult.Invalid("", $"Unknown kind of connection \"{kind}\".");
        }
        return deleted == 1 ? SaveResult.Ok(id) : SaveResult.Missing("This connection no longer exists.");
    }
}
