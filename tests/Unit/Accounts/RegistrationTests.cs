
namespace Portal.Tests.Unit.Accounts;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Registering_an_existing_email_in_other_letter_case_fails_with_one_clear_message()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);
        await scope.RegisterAsync("alice@example.com");

        var (result, _) = await scope.Accounts.RegisterAsync("ALICE@example.com", AccountScope.Password);

        Assert.False(result.Succeeded);
        var message = Assert.Single(result.Errors.Select(e => e.Description).Distinct());
        Assert.Contains("already exists", message);
    }

    [Fact]
    public async Task Registering_with_a_weak_password_fails_and_creates_no_account()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = AccountScope.Of(portal);

        var (result, _) = await scope.Accounts.RegisterAsync("bob@example.com", "password");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordRequiresDigit");
        Assert.Null(await scope.Users.FindByEmailAsync("bob@example.com"));
    }

    [Fact]
    public async Task Email_confirmation_is_required_only_when_smtp_is_configured()
    {
        await using var withoutSmtp = await PortalServices.StartAsync();
        await using var withSmtp = await PortalServices.StartAsync(new Dictionary<string, string?> { ["Notifications:Smtp:Host"] = "127.0.0.1" });

        await using var a = AccountScope.Of(withoutSmtp);
        await using var b = AccountScope.Of(withSmtp);

        Assert.False(a.Users.Options.SignIn.RequireConfirmedAccount);
        Assert.True(b.Users.Options.SignIn.RequireConfirmedAccount);
    }
}
