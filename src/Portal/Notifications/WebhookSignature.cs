using System.Security.Cryptography;
using System.Text;

namespace Portal.Notifications;

/// <summary>The body's HMAC-SHA256 under the webhook's secret, as receivers check it (docs/notifications.md).</summary>
public static class WebhookSignature
{
    public const string Header = "X-Portal-Signature-256";

    public static string For(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time comparison, as a receiver must do it.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(secret, body)), Encoding.ASCII.GetBytes(header));
}
