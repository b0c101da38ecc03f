using System.Net.Http.Headers;
using Portal.Contracts.Notifications;

namespace Portal.Notifications;

/// <summary>
/// Posts one notice, signed. No retries here: each try is one recorded attempt, and the next is a scheduled
/// Hangfire job (<see cref="NotificationJob"/>), so a receiver that is down costs no worker time.
/// </summary>
public sealed class WebhookSender(HttpClient http)
{
    public const string DeliveryHeader = "X-Portal-Delivery";
    public const string EventHeader = "X-Portal-Event";

    public async Task PostAsync(string url, WebhookFormat format, string secret, Notice notice, CancellationToken cancellationToken)
    {
        var body = WebhookPayloads.For(format, notice);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.For(secret, body));
        request.Headers.Add(DeliveryHeader, notice.DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(EventHeader, notice.Event);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }
}
