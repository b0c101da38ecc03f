using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Portal.Client.Accounts;

namespace Portal.Client;

public static class DependencyInjection
{
    /// <summary>What the interactive components need wherever they run: on the server or in WebAssembly.</summary>
    public static IServiceCollection AddPortalClientServices(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddAuthorizationCore(o => o.AddPortalPolicies());
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Layout.PendingSignUps>();
        return services;
    }
}
