using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Connections;
using Portal.Data;

namespace Portal.Profile;

/// <summary>A user's Domino API key for one deployment. Exports run with their owner's key.</summary>
public sealed class DominoApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public int DominoDeploymentId { get; set; }
    public DominoDeployment? DominoDeployment { get; set; }

    /// <summary>Protected with <see cref="Security.ISecretProtector"/>.</summary>
    public required string ProtectedKey { get; set; }

    /// <summary>SHA-256 of the key: lets the v1 API find the account that stored a key without decrypting every row.</summary>
    public required string KeyHash { get; set; }

    /// <summary>Who Domino said the key belongs to when it was saved.</summary>
    public string? DominoUserName { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }
}
