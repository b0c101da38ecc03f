using System.Net.Http.Json;

namespace Portal.Notifications;

/// <summary>Posts a Slack-compatible message (<c>{"text": ...}</c>) to an incoming webhook.</summary>
public sealed class SignupWebhook(HttpClient http)
{
    public static SlackMessage MessageFor(string email, string? publicUrl) => new(publicUrl is null
        ? $"New sign-up on the Domino Export Portal: {email} is waiting for approval."
        : $"New sign-up on the Domino Export Portal: {email} is waiting for approval at {publicUrl.TrimEnd('/')}/admin/users");

    public async Task PostAsync(string url, SlackMessage message, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, message, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
