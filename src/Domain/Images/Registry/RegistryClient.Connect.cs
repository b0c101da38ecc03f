using System.Net;
using System.Security.Authentication;

namespace Portal.Domain.Images.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Finds the registry (HTTPS, or plain HTTP where allowed), learns how it wants to be authenticated
    /// and proves the login works: a refused login fails here with <see cref="RegistryFailure.LoginRefused"/>.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var ping = await PingAsync(cancellationToken);
        if (ping.StatusCode == HttpStatusCode.Unauthorized) _challenge = AuthChallenge.From(ping.Headers);
        else if (!ping.IsSuccessStatusCode)
            throw await Failed(ping, "checking that it is a registry (GET /v2/)", cancellationToken);

        if (_challenge is { IsBearer: true } bearer)
        {
            await _tokens.GetAsync(bearer, refresh: false, "logging in", Side, cancellationToken);
        }
        else if (_challenge is { IsBasic: true } && Login is not null)
        {
            using var check = await SendAsync("logging in", () => new HttpRequestMessage(HttpMethod.Get, BaseAddress), cancellationToken);
            if (check.StatusCode == HttpStatusCode.Unauthorized)
                throw new RegistryException(RegistryFailure.LoginRefused, Side, "logging in",
                    $"HTTP 401: the registry refused the credentials of user '{Login.Username}'", check.StatusCode);
            if (!check.IsSuccessStatusCode) throw await Failed(check, "logging in", cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> PingAsync(CancellationToken cancellationToken)
    {
        string[] schemes = Endpoint.Scheme is { } s ? [s] : Endpoint.MayUsePlainHttp ? ["https", "http"] : ["https"];
        for (var i = 0; ; i++)
        {
            _base = new Uri($"{schemes[i]}://{Endpoint.ApiHost}/v2/");
            try
            {
                return await SendAsync("checking that it is a registry (GET /v2/)", () => new HttpRequestMessage(HttpMethod.Get, _base), cancellationToken);
            }
            catch (RegistryException e) when (i + 1 < schemes.Length && IsTlsFailure(e))
            {
                // Docker's rule for insecure registries: HTTPS first, plain HTTP when the TLS handshake fails.
                RegistryLog.PlainHttp(_settings.Logger, Endpoint.Name, e.Reason);
            }
        }
    }

    private static bool IsTlsFailure(RegistryException e)
    {
        for (var x = e.InnerException; x is not null; x = x.InnerException)
            if (x is AuthenticationException || (x is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })) return true;
        return false;
    }
}
