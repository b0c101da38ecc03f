using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// One registry, one login, the repositories one export touches: sends requests with the right
/// credentials (Basic, or a bearer token for exactly <see cref="Scopes"/> from the registry's token
/// realm, cached until it expires), retries what may be retried, and turns failures into
/// <see cref="RegistryException"/>s. The operations live in the partial files beside this one.
/// </summary>
public sealed partial class RegistryClient
{
    private readonly HttpClient _http;
    private readonly RegistryClientSettings _settings;
    private readonly BearerTokens _tokens;
    private Uri? _base;
    private AuthChallenge? _challenge;

    internal RegistryClient(HttpClient http, RegistryEndpoint endpoint, RegistryRole role, RegistryLogin? login, IReadOnlyList<string> scopes,
        RegistryClientSettings settings)
    {
        Side = new RegistrySide(endpoint.Name, role);
        _http = http;
        _settings = settings;
        Endpoint = endpoint;
        Login = login is { HasCredentials: true } ? login : null;
        Scopes = scopes;
        _tokens = new BearerTokens(http, Login, scopes, settings.Time);
    }

    public RegistryEndpoint Endpoint { get; }

    /// <summary>The registry's name and its side in the copy, as failures report them.</summary>
    public RegistrySide Side { get; }

    /// <summary>The login, when it has a user and a password; otherwise requests are anonymous.</summary>
    public RegistryLogin? Login { get; }

    /// <summary>The token scopes asked for, e.g. <c>repository:team/app:pull,push</c>.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The API root once connected, e.g. <c>https://registry.example.com/v2/</c>.</summary>
    public Uri BaseAddress => _base ?? throw new InvalidOperationException("ConnectAsync first");

    /// <summary>A URL under the API root: <c>{repository}/manifests/{reference}</c> and the like.</summary>
    internal Uri Url(string path) => new(BaseAddress, path);

    /// <summary>
    /// Sends a request built by <paramref name="create"/> with credentials. A replayable request (no
    /// streamed body) is tried again after 429, 5xx or a broken connection, and once more with a fresh
    /// token after a 401. The caller owns the response and checks its status.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(string operation, Func<HttpRequestMessage> create, CancellationToken cancellationToken,
        bool replayable = true, bool shortCall = true, HttpCompletionOption completion = HttpCompletionOption.ResponseHeadersRead,
        bool renewOnUnauthorized = true)
    {
        var attempts = replayable ? _settings.Options.MaxAttemptsPerBlob : 1;
        var refreshedToken = !renewOnUnauthorized;
        for (var attempt = 1; ; attempt++)
        {
            var request = create();
            await AuthorizeAsync(request, refresh: false, operation, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, completion, shortCall, cancellationToken);
            }
            catch (RegistryException e) when (e.IsRetryable && attempt < attempts && !IsTlsFailure(e))
            {
                // A TLS handshake that fails fails again: that is a plain-HTTP registry or a certificate problem, not a passing fault.
                await DelayAsync(operation, attempt, e.Reason, null, cancellationToken);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && replayable && !refreshedToken)
            {
                // An expired token, a scope the token lacks, or a challenge the ping did not show: learn it and try once more.
                refreshedToken = true;
                if (AuthChallenge.From(response.Headers) is { } challenge && _challenge is not { IsBearer: true })
                    _challenge = challenge;
                var sentNone = request.Headers.Authorization is null;
                if (_challenge is { IsBearer: true } || (_challenge is { IsBasic: true } && Login is not null && sentNone))
                {
                    response.Dispose();
                    if (_challenge.IsBearer) await _tokens.GetAsync(_challenge, refresh: true, operation, Side, cancellationToken);
                    attempt--;
                    continue;
                }
            }
            if (IsRetryable(response.StatusCode) && attempt < attempts)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                var status = (int)response.StatusCode;
                response.Dispose();
                await DelayAsync(operation, attempt, $"HTTP {status}", retryAfter, cancellationToken);
                continue;
            }
            return response;
        }
    }

    internal Task<RegistryException> Failed(HttpResponseMessage response, string operation, CancellationToken cancellationToken) =>
        RegistryException.FromResponseAsync(response, Side, operation, Login is not null, cancellationToken);

    internal static bool IsRetryable(HttpStatusCode status) => (int)status is 408 or 429 or >= 500;

    /// <summary>Credentials go only to the registry's own host; a redirect elsewhere (blob storage) gets none.</summary>
    internal async Task AuthorizeAsync(HttpRequestMessage request, bool refresh, string operation, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || _base is null || Uri.Compare(uri, _base, UriComponents.SchemeAndServer,
                UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            return;
        if (_challenge is { IsBearer: true } bearer)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                await _tokens.GetAsync(bearer, refresh, operation, Side, cancellationToken));
        else if (_challenge is { IsBasic: true } && Login is not null)
            request.Headers.Authorization = BearerTokens.Basic(Login);
    }

    /// <summary>One HTTP exchange; a transport failure or timeout becomes a retryable <see cref="RegistryException"/>.</summary>
    internal async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, HttpCompletionOption completion, bool shortCall,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (shortCall) timeout.CancelAfter(_settings.Options.RequestTimeout);
        try
        {
            return await _http.SendAsync(request, completion, timeout.Token);
        }
        catch (Exception e) when (Find<RegistryException>(e) is { } inner && !ReferenceEquals(inner, e))
        {
            // A failure of the body being sent (the source broke off, or its bytes did not match): that is what happened.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {_settings.Options.RequestTimeout}" : Innermost(e);
            throw new RegistryException(RegistryFailure.Unavailable, Side, $"{request.Method} {request.RequestUri?.AbsolutePath}",
                reason, inner: e);
        }
    }

    internal async Task DelayAsync(string operation, int attempt, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var backoff = _settings.Options.RetryDelay * Math.Pow(2, attempt - 1);
        var wait = retryAfter is { } r && r > backoff ? (r > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : r) : backoff;
        RegistryLog.Retrying(_settings.Logger, Endpoint.Name, operation, reason, attempt, wait);
        await Task.Delay(wait, _settings.Time, cancellationToken);
    }

    internal static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        return null;
    }

    internal static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}

/// <summary>What every client of one export shares.</summary>
internal sealed record RegistryClientSettings(ImagesOptions Options, TimeProvider Time, ILogger Logger);
