using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Domain.Images.Registry;

/// <summary>
/// The bearer-token flow of the distribution spec (Docker Hub, GHCR, Harbor, Quay, ECR's token
/// endpoint): GET the challenge's realm with its service and our scopes, Basic credentials when there
/// are any, and keep the token until it expires (at least 60 s, as Docker and containers/image assume
/// when the server says less or nothing).
/// </summary>
internal sealed class BearerTokens(HttpClient http, RegistryLogin? login, IReadOnlyList<string> scopes, TimeProvider time)
{
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Token? _token; // one reference, so a reader never pairs one token with another's expiry

    private sealed record Token(string Value, DateTimeOffset Expires);

    public static AuthenticationHeaderValue Basic(RegistryLogin login) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login.Username}:{login.Password}")));

    public async Task<string> GetAsync(AuthChallenge challenge, bool refresh, string operation, RegistrySide registry, CancellationToken cancellationToken)
    {
        var seen = _token;
        if (!refresh && seen is not null && time.GetUtcNow() < seen.Expires - RenewBefore) return seen.Value; // the common case: no waiting
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have renewed it while this one waited.
            if (_token is { } current && time.GetUtcNow() < current.Expires - RenewBefore && (!refresh || current != seen)) return current.Value;
            var (value, expires) = await FetchAsync(challenge, operation, registry, cancellationToken);
            _token = new Token(value, expires);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string, DateTimeOffset)> FetchAsync(AuthChallenge challenge, string operation, RegistrySide registry, CancellationToken cancellationToken)
    {
        if (challenge["realm"] is not { } realm || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
            throw new RegistryException(RegistryFailure.Protocol, registry, operation, "its Bearer challenge names no token realm");
        var query = new List<string>();
        if (challenge["service"] is { } service) query.Add("service=" + Uri.EscapeDataString(service));
        query.AddRange(scopes.Select(s => "scope=" + Uri.EscapeDataString(s)));
        if (login is not null) query.Add("account=" + Uri.EscapeDataString(login.Username!));
        var builder = new UriBuilder(realmUri);
        builder.Query = string.Join('&', new[] { builder.Query.TrimStart('?') }.Where(q => q.Length > 0).Concat(query));

        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (login is not null) request.Headers.Authorization = Basic(login);
        var what = $"{operation} (token from {realmUri.GetLeftPart(UriPartial.Path)})";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
        {
            throw new RegistryException(RegistryFailure.Unavailable, registry, what, RegistryClient.Innermost(e), inner: e);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw login is null
                    ? new RegistryException(RegistryFailure.AccessDenied, registry, what, $"HTTP {(int)response.StatusCode}: the token server gives no anonymous access", response.StatusCode)
                    : new RegistryException(RegistryFailure.LoginRefused, registry, what,
                        $"HTTP {(int)response.StatusCode}: the token server refused the credentials of user '{login.Username}'", response.StatusCode);
            if (!response.IsSuccessStatusCode)
                throw await RegistryException.FromResponseAsync(response, registry, what, login is not null, cancellationToken);
            return Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), registry, what);
        }
    }

    private (string, DateTimeOffset) Read(byte[] body, RegistrySide registry, string what)
    {
        try
        {
            var json = JsonSerializer.Deserialize<JsonElement>(body);
            string? Text(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var token = Text("token") is { Length: > 0 } t ? t : Text("access_token");
            if (token is not { Length: > 0 }) throw new JsonException("no token in the answer");
            var lifetime = json.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            if (lifetime < MinimumLifetime) lifetime = MinimumLifetime;
            // issued_at is the server's clock; ours decides, so a skewed server cannot make a token look fresh forever.
            return (token, time.GetUtcNow() + lifetime);
        }
        catch (JsonException e)
        {
            throw new RegistryException(RegistryFailure.Protocol, registry, what, $"the token server's answer is not a token: {e.Message}", inner: e);
        }
    }
}
