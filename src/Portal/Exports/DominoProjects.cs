using Portal.Accounts;
using Portal.Contracts.Exports;
using Portal.Domain.Domino;

namespace Portal.Exports;

/// <summary>
/// The projects the user's key can see on a deployment, to pick owner and project from. Whether the key may
/// export one is only a hint here (null: the list does not say); the form's check asks Domino for the project itself.
/// </summary>
public sealed class DominoProjects(UserDominoClients clients)
{
    /// <exception cref="DominoException">Domino could not list them: the API answers 502 with its reason.</exception>
    public async Task<IReadOnlyList<DominoProjectOption>> ListAsync(PortalUser user, int deploymentId, CancellationToken cancellationToken)
    {
        if (await clients.ForAsync(user.Id, deploymentId, cancellationToken) is not { } client) return [];
        var projects = await client.ListProjectsAsync(cancellationToken);
        return projects.Select(p => new DominoProjectOption(p.OwnerName, p.Name, p.CanExport)).ToList();
    }
}
