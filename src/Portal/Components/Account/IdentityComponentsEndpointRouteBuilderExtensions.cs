using Microsoft.AspNetCore.Mvc;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints the static Identity pages under Components/Account post to.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // Ends the provider's session too when this one came from it (Accounts/SingleSignOn).
        accountGroup.MapPost("/Logout", (HttpContext context, [FromForm] string? returnUrl) =>
            Portal.Accounts.SingleSignOn.ProviderSignOut.SignOutAsync(context, returnUrl));

        return accountGroup;
    }
}
