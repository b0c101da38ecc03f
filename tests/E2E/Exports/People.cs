using Microsoft.Playwright;
using Portal.Testbed.S3;
using Portal.Tests.E2E.Accounts;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Exports;

/// <summary>A signed-in person: their own browser profile (cookies), a page, and the API as their browser calls it.</summary>
public sealed record Person(string Email, IBrowserContext Context, IPage Page)
{
    public PortalApi Api => new(Context.APIRequest);
}

/// <summary>What the admin's "Test connection" clicks showed, by connection: the chips' texts.</summary>
public sealed record ConnectionChecks(IReadOnlyDictionary<string, IReadOnlyList<string>> Chips);

/// <summary>
/// The people of the exports tests, each signed in once and shared by the tests. Every step happens the
/// first time a test needs it, through the pages, and is checked on the way: the admin registers and
/// sets up the connections (every test goes green); the user registers, is approved and stores a key.
/// </summary>
public sealed class People(ExportsWorld world) : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.com";
    public const string UserEmail = "grace@example.com";
    public const string Password = ApprovalFlow.Password;
    public const string Deployment = "Domino";
    public const string S3Target = "Exports bucket";
    public const string Registry = "External registry";

    private readonly List<IBrowserContext> contexts = [];
    private readonly Screenshots shots = new("setup");
    private Task<Person>? admin;
    private Task<ConnectionChecks>? connections;
    private Task<Person>? user;
    private Task<Person>? userWithKey;
    private readonly Lock gate = new();

    /// <summary>The admin (the configured admin email), registered and signed in.</summary>
    public Task<Person> AdminAsync() => Once(ref admin, async () =>
    {
        var person = await NewPersonAsync(AdminEmail);
        await new RegisterPage(person.Page).RegisterAsync(AdminEmail, Password);
        await Expect(new PortalShell(person.Page).Heading).ToHaveTextAsync($"Welcome, {AdminEmail}");
        return person;
    });

    /// <summary>The admin adds the Domino deployment (with its registry), the S3 target and the registry target, and tests each.</summary>
    public Task<ConnectionChecks> ConnectionsAsync() => Once(ref connections, async () =>
    {
        var page = (await AdminAsync()).Page;
        var connectionsPage = new ConnectionsPage(page);
        await connectionsPage.OpenAsync();
        await connectionsPage.AddDominoDeploymentAsync(Deployment, world.Domino.Url, world.DominoRegistry.Host);
        await connectionsPage.AddS3TargetAsync(S3Target, ExportsWorld.Bucket, world.S3.Url, S3Server.Credentials.AccessKey,
            S3Server.Credentials.SecretKey);
        await connectionsPage.AddRegistryTargetAsync(Registry, world.Target.Host, ExportsWorld.TargetUser, ExportsWorld.TargetPassword);
        var chips = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var name in new[] { Deployment, S3Target, Registry, "Docker engine" })
        {
            var found = await connectionsPage.TestAsync(name);
            await Expect(found.And(page.Locator("[data-healthy=false]"))).ToHaveCountAsync(0);
            // Read once they are there: the page may render the row again (its checks refresh) between the wait and the read.
            chips[name] = await Poll.ForAsync(async () => await found.AllInnerTextsAsync() is { Count: > 0 } texts ? texts : null,
                $"the check chips of {name}", TimeSpan.FromSeconds(30));
        }
        await shots.TakeAsync(page, "admin-connections-tested");
        return new ConnectionChecks(chips);
    });

    /// <summary>A user who registered, was approved by the admin and signed in again.</summary>
    public Task<Person> UserAsync() => Once(ref user, async () =>
    {
        var person = await NewPersonAsync(UserEmail);
        var page = person.Page;
        await new RegisterPage(page).RegisterAsync(UserEmail, Password);
        await Expect(new PortalShell(page).Heading).ToHaveTextAsync("Awaiting approval");
        await (await AdminAsync()).Api.ApproveAsync(UserEmail);
        await new LoginPage(page).SignInAsync(UserEmail, Password);
        await Expect(new PortalShell(page).Heading).ToHaveTextAsync($"Welcome, {UserEmail}");
        return person;
    });

    /// <summary>The user, with their Domino key stored on the profile page (Domino says whose it is).</summary>
    public Task<Person> UserWithKeyAsync() => Once(ref userWithKey, async () =>
    {
        await ConnectionsAsync();
        var person = await UserAsync();
        var profile = new ProfilePage(person.Page);
        await profile.OpenAsync();
        await profile.SaveDominoKeyAsync(Deployment, world.DominoUser.ApiKey);
        await Expect(profile.SaveResult).ToHaveTextAsync($"Saved. Domino says this key belongs to {world.DominoUser.UserName}.");
        await Expect(profile.KeyCard).ToContainTextAsync($"Stored. Domino says it belongs to {world.DominoUser.UserName}");
        await shots.TakeAsync(person.Page, "user-profile-key-stored");
        return person;
    });

    /// <summary>Another account, registered and approved, in its own browser profile.</summary>
    public async Task<Person> NewApprovedUserAsync(string email)
    {
        var person = await NewPersonAsync(email);
        await new RegisterPage(person.Page).RegisterAsync(email, Password);
        await (await AdminAsync()).Api.ApproveAsync(email);
        await new LoginPage(person.Page).SignInAsync(email, Password);
        await Expect(new PortalShell(person.Page).Heading).ToHaveTextAsync($"Welcome, {email}");
        return person;
    }

    private async Task<Person> NewPersonAsync(string email)
    {
        var context = await world.Chromium.NewContextAsync(world.Portal.BaseAddress);
        lock (gate) contexts.Add(context);
        return new Person(email, context, await context.NewPageAsync());
    }

    private Task<T> Once<T>(ref Task<T>? slot, Func<Task<T>> create)
    {
        // Started outside the lock: a step may await another step.
        lock (gate) return slot ??= Task.Run(create);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts) await context.DisposeAsync();
    }
}
