using Microsoft.AspNetCore.Components.Authorization;
using Portal.Client;
using Portal.Components.Account;

namespace Portal.Components;

/// <summary>The pages: Razor components rendered on the server and, interactive, in WebAssembly (docs/decisions/004).</summary>
public static class PagesSetup
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddInteractiveWebAssemblyComponents()
            .AddAuthenticationStateSerialization(o => o.SerializeAllClaims = true);
        services.AddPortalClientServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddProblemDetails();
        services.AddDatabaseDeveloperPageExceptionFilter();
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client._Imports).Assembly);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
