using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Contracts.Accounts;

namespace Portal.Accounts;

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        // The default policy: approved accounts only; a pending account gets 403 here like everywhere else.
        var api = app.MapGroup("/api/account").RequireAuthorization().WithTags("Account");
        api.MapGet("/me", GetMe);
        return app;
    }

    public static Ok<CurrentUser> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToArray()));
}
