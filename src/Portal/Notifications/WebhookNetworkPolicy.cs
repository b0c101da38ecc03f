using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Portal.Security;

namespace Portal.Notifications;

/// <summary>
/// Which addresses a run-notice webhook may reach. Anyone signed in can add a webhook, so without this rule the portal
/// would POST for them to its own network: loopback, private ranges, cloud metadata (169.254.169.254). Internal
/// addresses are refused unless <c>Notifications:WebhookAllowedNetworks</c> lists them. The rule is applied where the
/// connection is made, to the very address connected to (a name that resolves to an internal address at send time is
/// refused however it resolved when saved), and when a subscription is saved, to say so at once.
/// </summary>
public sealed class WebhookNetworkPolicy(IOptions<NotificationOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _allowed =
        [.. (options.Value.WebhookAllowedNetworks ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(Networks.Parse)];

    /// <summary>Why this address may not be posted to, or null when it may.</summary>
    public string? Refusal(IPAddress address)
    {
        var plain = Networks.Plain(address);
        if (!Networks.IsInternal(plain) || _allowed.Any(n => n.Contains(plain))) return null;
        return $"{plain} is an internal address; webhooks may only reach it when Notifications:WebhookAllowedNetworks lists it.";
    }

    /// <summary>Why the URL's host may not be posted to, as far as can be told now (a name that does not resolve yet passes).</summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.IsLoopback && !IPAddress.TryParse(url.IdnHost, out _)) return Refusal(IPAddress.Loopback);
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return null;
        }
        return addresses.Select(Refusal).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// The webhook client's connect step: resolves the host and connects only to an address the rule allows. Through a
    /// proxy, the proxy is connected to as configured and the target's own addresses are checked instead.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.InitialRequestMessage.RequestUri!;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!string.Equals(host, target.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            if (await CheckAsync(target, cancellationToken) is { } viaProxy) throw new HttpRequestException(viaProxy);
        }
        else
        {
            var refusals = addresses.Select(Refusal).ToList();
            addresses = [.. addresses.Where((_, i) => refusals[i] is null)];
            if (addresses.Length == 0) throw new HttpRequestException(refusals.FirstOrDefault() ?? $"{host} has no address.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
