using System.Security.Claims;
using System.Text.Json;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// Who the provider says signed in: its subject (stable, the key of the link), the email and whether the provider
/// verified it, and the groups it listed. Claim names as the provider sends them (the handler does not map them).
/// </summary>
public sealed record ProviderAccount(string Subject, string? Email, bool EmailVerified, IReadOnlySet<string> Groups)
{
    public static ProviderAccount? From(ClaimsPrincipal principal, string groupsClaim)
    {
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        // A verified email is the only thing that may link the provider account to an existing portal account.
        var verified = principal.FindAll("email_verified").Any(c => string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase));
        return new ProviderAccount(subject, string.IsNullOrWhiteSpace(email) ? null : email.Trim(), verified,
            GroupsIn(principal.FindAll(groupsClaim).Select(c => c.Value)));
    }

    /// <summary>One claim per group, or (some providers) one claim holding a JSON array.</summary>
    public static IReadOnlySet<string> GroupsIn(IEnumerable<string> values)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.StartsWith('[') && TryReadArray(value, out var items))
            {
                groups.UnionWith(items);
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                groups.Add(value);
            }
        }
        return groups;
    }

    private static bool TryReadArray(string json, out IEnumerable<string> items)
    {
        try
        {
            items = JsonSerializer.Deserialize<string[]>(json) ?? [];
            return true;
        }
        catch (JsonException)
        {
            items = [];
            return false;
        }
    }
}
