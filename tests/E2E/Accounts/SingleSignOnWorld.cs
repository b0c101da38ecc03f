using Microsoft.Playwright;
using Portal.Testbed.Browser;
using Portal.Testbed.Oidc;
using Portal.Testbed.Processes;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Accounts;

/// <summary>
/// A real OpenID provider and the portal as its client, both on loopback: the portal started as a real process with
/// the provider's settings (the client secret through the secrets folder), and Chromium. The provider's accounts
/// carry group claims; the tests change them while both run.
/// </summary>
public class SingleSignOnWorld : IAsyncLifetime
{
    public const string DisplayName = "Test provider";
    public const string AdminEmail = "admin@example.com";
    public const string Password = ApprovalFlow.Password;
    public const string UsersGroup = "portal-users";
    public const string AdminsGroup = "portal-admins";

    public OidcProvider Provider { get; private set; } = default!;
    public PortalProcess Portal { get; private set; } = default!;
    public ChromiumBrowser Chromium { get; private set; } = default!;

    /// <summary>The portal's <c>Portal:SecretsPath</c>: one file per configuration key.</summary>
    public string SecretsFolder { get; } = Directory.CreateTempSubdirectory("portal-secrets-").FullName;

    /// <summary>The provider's accounts: a newcomer in no group, a member of the auto-approve group, an admin-group member.</summary>
    protected virtual IEnumerable<OidcAccount> Accounts =>
    [
        new("newbie", "newbie@example.com", true, "newbie-pw"),
        new("member", "member@example.com", true, "member-pw", UsersGroup),
        new("boss", "boss@example.com", true, "boss-pw", AdminsGroup),
        new("lookalike", "taken@example.com", false, "lookalike-pw", UsersGroup),
    ];

    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Portal:AdminEmail"] = AdminEmail,
        ["Authentication:Oidc:AutoApproveGroups:0"] = UsersGroup,
        ["Authentication:Oidc:AdminGroups:0"] = AdminsGroup,
    };

    public async Task InitializeAsync()
    {
        E2ESettings.Apply();
        var port = FreePort.Next();
        Provider = await OidcProvider.StartAsync(new OidcClient("portal", "portal-client-secret", new Uri($"http://127.0.0.1:{port}")), Accounts);
        Provider.WriteSecret(SecretsFolder);
        var settings = Provider.PortalSettings(DisplayName);
        settings["Portal:SecretsPath"] = SecretsFolder;
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        Portal = await PortalProcess.StartAsync(settings, port: port);
        Chromium = await ChromiumBrowser.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Chromium.NewContextAsync(Portal.BaseAddress);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser signs in at the provider (its form), and comes back to the portal.</summary>
    public async Task<IPage> SignInWithProviderAsync(string account)
    {
        var page = await NewPageAsync();
        await SignInWithProviderAsync(page, account);
        return page;
    }

    public async Task SignInWithProviderAsync(IPage page, string account)
    {
        await new LoginPage(page).StartProviderSignInAsync(DisplayName);
        var provider = new ProviderPages(page);
        await Expect(provider.SignInHeading).ToBeVisibleAsync();
        await provider.SignInAsync(account, Provider.Account(account).Password);
    }

    private Task<IPage>? localAdmin;

    /// <summary>The configured admin, registered with a password (a local account) the first time a test needs it.</summary>
    public async Task<IPage> LocalAdminAsync()
    {
        localAdmin ??= RegisterLocalAdminAsync();
        try
        {
            return await localAdmin;
        }
        catch
        {
            localAdmin = null; // one test's failure to register is its own: the next test tries again
            throw;
        }
    }

    private async Task<IPage> RegisterLocalAdminAsync()
    {
        var page = await NewPageAsync();
        await new RegisterPage(page).RegisterAsync(AdminEmail, Password);
        await Expect(new PortalShell(page).Heading).ToHaveTextAsync($"Welcome, {AdminEmail}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Portal is not null) await Portal.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
        Directory.Delete(SecretsFolder, recursive: true);
    }
}
