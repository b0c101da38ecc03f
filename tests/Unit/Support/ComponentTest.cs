using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Portal.Client.Accounts;
using Portal.Client.Admin;
using Portal.Tests.Unit.Support.Fakes;
using Portal.Contracts.Accounts;
using Portal.Contracts.Admin;
using Portal.Contracts.Connections;
using Portal.Contracts.Dashboard;
using Portal.Contracts.Exports;
using Portal.Contracts.Notifications;
using Portal.Contracts.Profile;
using Portal.Contracts.Runs;
using Portal.Contracts.Templates;

namespace Portal.Tests.Unit.Support;

/// <summary>
/// The one bUnit setup for the portal's components: MudBlazor services, loose JS interop, an interactive
/// renderer, a test sign-in, and fake clients standing in for the server behind each page.
/// </summary>
public abstract class ComponentTest : BunitContext, IDisposable
{
    protected ComponentTest()
    {
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IExportsClient>(Exports);
        Services.AddSingleton<IRunsClient>(Runs);
        Services.AddSingleton<IConnectionsClient>(Connections);
        Services.AddSingleton<ITemplatesClient>(Templates);
        Services.AddSingleton<IProfileClient>(Profile);
        Services.AddSingleton<IUserAdministration>(Users);
        Services.AddSingleton<ITokensClient>(Tokens);
        Services.AddSingleton<IDashboardClient>(Dashboard);
        Services.AddSingleton<IV1SettingsClient>(V1Settings);
        Services.AddSingleton<Portal.Contracts.Audit.IAuditClient>(Audit);
        Services.AddSingleton<INotificationsClient>(Notifications);
        Services.AddSingleton<ISmtpSettingsClient>(Smtp);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddScoped<Portal.Client.Layout.PendingSignUps>();
        AddBunitPersistentComponentState();
        Authorization = AddAuthorization();
        SignInAsUser();
        // Last: it starts the renderer, after which no service can be added.
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>The clock the components' timers run on: a test moves it.</summary>
    protected FakeTimeProvider Time { get; } = new(Samples.Start);

    protected FakeExportsClient Exports { get; } = new();

    protected FakeNotificationsClient Notifications { get; } = new();

    protected FakeSmtpSettingsClient Smtp { get; } = new();

    protected FakeRunsClient Runs { get; } = new();

    protected FakeConnectionsClient Connections { get; } = new();

    protected FakeTemplatesClient Templates { get; } = new();

    protected FakeProfileClient Profile { get; } = new();

    protected FakeUserAdministration Users { get; } = new();

    protected FakeTokensClient Tokens { get; } = new();
    protected FakeDashboardClient Dashboard { get; } = new();

    protected FakeV1SettingsClient V1Settings { get; } = new();

    protected FakeAuditClient Audit { get; } = new();

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    protected void SignInAsUser(string email = "user@example.com")
    {
        Authorization.SetAuthorized(email);
        Authorization.SetRoles(PortalRoles.User);
    }

    protected void SignInAsAdmin(string email = "admin@example.com")
    {
        Authorization.SetAuthorized(email);
        Authorization.SetRoles(PortalRoles.Admin, PortalRoles.User);
    }

    /// <summary>Renders the providers dialogs, message boxes and popovers (selects, autocompletes) render into.</summary>
    protected IRenderedComponent<IComponent> RenderProviders() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
    });

    /// <summary>xunit disposes synchronously; some MudBlazor services only dispose asynchronously.</summary>
    void IDisposable.Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
