using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Accounts.SingleSignOn;

namespace Portal.Tests.Unit.Accounts;

/// <summary>Wrong single sign-on settings stop the start with a message naming the key.</summary>
public sealed class SingleSignOnSettingsTests
{
    private static readonly Dictionary<string, string?> Provider = new()
    {
        ["Authentication:Oidc:Authority"] = "https://login.example.com",
        ["Authentication:Oidc:ClientId"] = "portal",
    };

    [Theory]
    [InlineData("Authentication:Oidc:Authority", "login.example.com", "Authentication:Oidc:Authority must be an http(s) URL")]
    [InlineData("Authentication:Oidc:Authority", "http://login.example.com", "Authentication:Oidc:Authority must be https")]
    [InlineData("Authentication:Oidc:RequireHttpsMetadata", "false", "RequireHttpsMetadata may be false only for a provider on a loopback address")]
    [InlineData("Authentication:Oidc:ClientId", "", "Authentication:Oidc:ClientId is required")]
    [InlineData("Authentication:Oidc:Scopes", "profile email", "Authentication:Oidc:Scopes must include openid")]
    [InlineData("Authentication:Oidc:AdminGroups:0", " ", "must not list empty group names")]
    public async Task A_wrong_provider_setting_is_refused_with_the_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Provider) { [key] = value };
        await using var portal = await PortalServices.StartAsync(settings);

        var error = Assert.Throws<OptionsValidationException>(() => portal.Services.GetRequiredService<IOptions<OidcOptions>>().Value);

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("Authentication:LocalAccounts", "sometimes", "Authentication:LocalAccounts must be true, false or adminsOnly")]
    [InlineData("Authentication:BreakGlassAdmin", "root", "Authentication:BreakGlassAdmin must be an email address")]
    public async Task A_wrong_local_accounts_setting_is_refused_with_the_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Provider) { [key] = value };
        await using var portal = await PortalServices.StartAsync(settings);

        var error = Assert.Throws<OptionsValidationException>(() => portal.Services.GetRequiredService<IOptions<LocalAccountsOptions>>().Value);

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Local_accounts_cannot_be_turned_off_without_a_provider()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Authentication:LocalAccounts"] = "false" });

        var error = Assert.Throws<OptionsValidationException>(() => portal.Services.GetRequiredService<IOptions<LocalAccountsOptions>>().Value);

        Assert.Contains("nobody could sign in", error.Message);
    }

    [Fact]
    public async Task A_loopback_provider_may_skip_https_and_the_defaults_are_the_documented_ones()
    {
        await using var portal = await PortalServices.StartAsync(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "http://127.0.0.1:8080/realms/test",
            ["Authentication:Oidc:ClientId"] = "portal",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["Authentication:LocalAccounts"] = "adminsOnly",
        });

        var oidc = portal.Services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var local = portal.Services.GetRequiredService<IOptions<LocalAccountsOptions>>().Value;

        Assert.Equal(["openid", "profile", "email"], oidc.ScopeList);
        Assert.Equal(("groups", "Single sign-on", "Sign in with Single sign-on"), (oidc.GroupsClaim, oidc.DisplayName, oidc.ButtonText));
        Assert.Equal(LocalAccountsMode.AdminsOnly, local.EffectiveMode);
    }

    [Fact]
    public async Task Without_a_provider_nothing_of_single_sign_on_is_required_and_local_accounts_are_on()
    {
        await using var portal = await PortalServices.StartAsync();

        Assert.False(portal.Services.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled);
        Assert.Equal(LocalAccountsMode.On, portal.Services.GetRequiredService<IOptions<LocalAccountsOptions>>().Value.EffectiveMode);
    }
}
