using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accounts.SingleSignOn;
using Portal.Data;
using Portal.Testbed.Oidc;
using Portal.Testbed.Processes;
using Portal.Tests.Integration.Support;

namespace Portal.Tests.Integration.Accounts;

/// <summary>The portal in-process on Kestrel with a real OpenID provider (tests/Testbed/Oidc) as its single sign-on.</summary>
public sealed class ProviderPortal : PortalHost
{
    public const string UsersGroup = "portal-users";
    public const string AdminsGroup = "portal-admins";
    private readonly int port = FreePort.Next();

    public OidcProvider Provider { get; private set; } = null!;

    protected override int Port => port;

    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = Provider.PortalSettings().ToDictionary(s => s.Key, s => s.Value!);
            settings["Portal:SecretsPath"] = Path.Combine(Folder, "secrets");
            settings["Portal:AdminEmail"] = "admin@example.com";
            settings["Authentication:Oidc:AutoApproveGroups:0"] = UsersGroup;
            settings["Authentication:Oidc:AdminGroups:0"] = AdminsGroup;
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync(new OidcClient("portal", "portal-client-secret", new Uri($"http://127.0.0.1:{port}")),
        [
            new("ada", "ada@example.com", true, "ada-pw", AdminsGroup),
            new("tom", "tom@example.com", true, "tom-pw", UsersGroup),
            new("ida", "ida@example.com", true, "ida-pw", UsersGroup),
        ]);
        Provider.WriteSecret(Path.Combine(Folder, "secrets"));
        await base.InitializeAsync();
        await UserAsync("admin@example.com"); // a local Admin, so a group's Admin is never the last one
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>
    /// Signs in as a browser would, without one: the sign-in page's button, the provider's redirects and form,
    /// back through the handler's callback. Returns the client (carrying the portal's cookie) and where it landed.
    /// </summary>
    public async Task<(HttpClient Client, Uri Landed, Uri AuthorizationRequest)> SignInWithProviderAsync(string account, bool expectRefusal = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var http = new HttpClient(handler) { BaseAddress = BaseAddress };
        var page = await http.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var challenge = await http.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "/",
        }));
        var authorization = challenge.Headers.Location;
        Assert.True(authorization is { IsAbsoluteUri: true, AbsolutePath: "/auth" }, $"The button led to {(int)challenge.StatusCode} {authorization}");
        var (form, formUrl) = await FollowAsync(http, authorization!);
        Assert.Contains("Test provider sign-in", form, StringComparison.Ordinal);
        var action = new Uri(formUrl, Regex.Match(form, "action=\"([^\"]+)\"").Groups[1].Value);
        using var login = await http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = account,
            ["password"] = Provider.Account(account).Password,
        }));
        var (body, landed) = await FollowAsync(http, login.Headers.Location!, login.RequestMessage!.RequestUri!);
        Assert.True(landed.AbsolutePath != "/Account/Login" || expectRefusal,
            $"Sign-in as {account} was refused: {Regex.Match(body, "Error: [^<]*").Value}");
        return (http, landed, authorization!);
    }

    /// <summary>Follows redirects (the provider's and the portal's) to the first page that answers 200.</summary>
    private static async Task<(string Body, Uri Url)> FollowAsync(HttpClient http, Uri location, Uri? from = null)
    {
        var url = from is null ? location : new Uri(from, location);
        for (var hop = 0; hop < 15; hop++)
        {
            using var response = await http.GetAsync(url);
            if (response.Headers.Location is { } next)
            {
                url = new Uri(url, next);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadAsStringAsync(), url);
        }
        throw new InvalidOperationException("Too many redirects");
    }

    public Task<ApplicationUser> AccountAsync(string email) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!);

    /// <summary>Forgets the provider answers this node keeps for half a minute, so the next check asks the provider.</summary>
    public void ForgetRecentAnswers() => Services.GetRequiredService<ProviderSessionAnswers>().Known.Clear();

    /// <summary>The security-stamp check's provider part, as a session signed in through the provider runs it.</summary>
    public Task<bool> CheckProviderSessionAsync(string email) => InScopeAsync(async sp =>
    {
        var user = (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        return await sp.GetRequiredService<ProviderSessionCheck>().IsStillValidAsync(user);
    });
}
