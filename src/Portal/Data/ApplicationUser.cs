using Microsoft.AspNetCore.Identity;
using Portal.Contracts.Accounts;

namespace Portal.Data;

public class ApplicationUser : IdentityUser
{
    public AccountStatus Status { get; set; } = AccountStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>Email of the admin who last changed <see cref="Status"/>.</summary>
    public string? StatusChangedBy { get; set; }

    /// <summary>Admin came from a provider group (Authentication:Oidc:AdminGroups), so losing the group takes it away.</summary>
    public bool AdminFromGroup { get; set; }
}
