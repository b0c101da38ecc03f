namespace Portal.Contracts.Admin;

/// <summary>
/// The admin users page's view of the server: in-process while the page runs on the server,
/// over <c>/api/admin/users</c> once it runs in WebAssembly.
/// </summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<UserActionResult> ApplyAsync(string userId, UserAction action, CancellationToken cancellationToken = default);
}
