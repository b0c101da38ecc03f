using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testbed.Processes;

namespace Portal.Testbed.Oidc;

/// <summary>An account of the test provider: what it signs in with and the claims it releases.</summary>
public sealed record OidcAccount(string Id, string Email, bool EmailVerified, string Password, params string[] Groups);

/// <summary>The portal as the provider's client: its id and secret, and where it listens (for the redirect URIs).</summary>
public sealed record OidcClient(string ClientId, string? ClientSecret, Uri PortalAddress);

/// <summary>
/// A real OpenID Connect provider (npm oidc-provider, pinned in package.json here) on 127.0.0.1, started through
/// oidc-provider.mjs: code flow with PKCE required, refresh tokens, userinfo, an end-session endpoint, accounts with
/// email_verified and groups claims. Tests change accounts while it runs, make it sign a token with a wrong audience
/// or issuer, read what happened, and stop and start it again (same address and signing key) to play "down".
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly Dictionary<string, OidcAccount> accounts;
    private readonly bool conformIdTokenClaims;
    private readonly string keyFile = Path.Combine(Path.GetTempPath(), $"oidc-key-{Guid.NewGuid():N}.json");
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();
    private Process? process;

    private OidcProvider(OidcClient client, IEnumerable<OidcAccount> accounts, bool conformIdTokenClaims)
    {
        Client = client;
        this.accounts = accounts.ToDictionary(a => a.Id);
        this.conformIdTokenClaims = conformIdTokenClaims;
        Issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}");
    }

    public Uri Issuer { get; }

    public OidcClient Client { get; }

    /// <summary>What the provider wrote to stderr (its warnings, and any internal error).</summary>
    public IReadOnlyCollection<string> Errors => errors;

    /// <param name="conformIdTokenClaims">True (the default): the ID token carries only the subject and the claims come from userinfo, as the spec says for the code flow; false: the ID token carries them too.</param>
    public static async Task<OidcProvider> StartAsync(OidcClient client, IEnumerable<OidcAccount> accounts, bool conformIdTokenClaims = true)
    {
        var provider = new OidcProvider(client, accounts, conformIdTokenClaims);
        await provider.StartAgainAsync();
        return provider;
    }

    /// <summary>Starts a stopped provider on the same address with the same signing key and the accounts as they are now; its sessions and tokens are gone, as after a real restart.</summary>
    public async Task StartAgainAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The provider is running.");
        }
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "Testbed", "Oidc");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {folder}/node_modules: run scripts/install-prerequisites.sh (it runs npm ci there).");
        }
        var client = Client;
        var arguments = JsonSerializer.Serialize(new
        {
            port = Issuer.Port,
            keyFile,
            conformIdTokenClaims,
            clients = new[]
            {
                new
                {
                    client_id = client.ClientId,
                    client_secret = client.ClientSecret,
                    redirect_uris = new[] { new Uri(client.PortalAddress, "/signin-oidc").ToString() },
                    post_logout_redirect_uris = new[] { new Uri(client.PortalAddress, "/signout-callback-oidc").ToString() },
                },
            },
            accounts = accounts.Values.Select(Describe),
        });
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("oidc-provider.mjs");
        start.ArgumentList.Add(arguments);
        process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null)
        {
            throw new InvalidOperationException($"The OpenID provider did not start: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
        // Drain both pipes so the provider never blocks on a full one; keep its errors for a failing test's message.
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
    }

    /// <summary>Stops the provider: the portal finds nobody at its address.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }
        try
        {
            process.StandardInput.Close(); // the script exits when its input closes
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
        process = null;
    }

    /// <summary>Changes an account at the provider (its next token or userinfo answer says so).</summary>
    public async Task UpdateAsync(OidcAccount account)
    {
        accounts[account.Id] = account;
        using var http = new HttpClient { BaseAddress = Issuer };
        using var response = await http.PutAsJsonAsync($"/__test/accounts/{Uri.EscapeDataString(account.Id)}", Describe(account));
        response.EnsureSuccessStatusCode();
    }

    public OidcAccount Account(string id) => accounts[id];

    public Task SetGroupsAsync(string id, params string[] groups) => UpdateAsync(accounts[id] with { Groups = groups });

    /// <summary>The next ID token from the token endpoint is re-signed with the provider's own key and these claims changed (<c>aud</c>, <c>iss</c>).</summary>
    public async Task TamperNextIdTokenAsync(IReadOnlyDictionary<string, string> claims)
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        using var response = await http.PostAsJsonAsync("/__test/tamper", claims);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What the provider did so far: logins, grants (with their grant type), authorizations (with the PKCE method), sign-outs.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsAsync()
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        return await http.GetFromJsonAsync<List<JsonElement>>("/__test/events") ?? [];
    }

    /// <summary>The portal's settings for this provider (the client secret goes through the secrets folder; see <see cref="WriteSecret"/>).</summary>
    public Dictionary<string, string?> PortalSettings(string displayName = "Test provider") => new()
    {
        ["Authentication:Oidc:Authority"] = Issuer.ToString().TrimEnd('/'),
        ["Authentication:Oidc:ClientId"] = Client.ClientId,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:Scopes"] = "openid profile email groups",
        ["Authentication:Oidc:DisplayName"] = displayName,
    };

    /// <summary>Writes the client secret as the portal's secrets folder holds it: one file per key.</summary>
    public void WriteSecret(string secretsFolder)
    {
        Directory.CreateDirectory(secretsFolder);
        File.WriteAllText(Path.Combine(secretsFolder, "Authentication__Oidc__ClientSecret"), Client.ClientSecret);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        File.Delete(keyFile);
    }

    private static object Describe(OidcAccount a) =>
        new { id = a.Id, email = a.Email, email_verified = a.EmailVerified, password = a.Password, name = a.Email, groups = a.Groups };

}
