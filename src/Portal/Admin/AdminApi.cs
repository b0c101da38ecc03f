using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Client.Accounts;
using Portal.Contracts.Admin;
using Portal.Contracts.Shared;

namespace Portal.Admin;

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/users").RequireAuthorization(PortalPolicies.Admin).WithTags("Admin");
        api.MapGet("/", ListAsync);
        api.MapPost("/{id}/{action}", ApplyAsync);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UserSummary>>> ListAsync(AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ListAsync(cancellationToken));

    /// <summary><c>POST /api/admin/users/{id}/approve</c> (or reject, disable, enable, grantadmin, revokeadmin).</summary>
    public static async Task<Results<Ok<UserActionResult>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> ApplyAsync(
        string id, string action, AccountService accounts, ClaimsPrincipal admin)
    {
        if (!Enum.TryParse<UserAction>(action, ignoreCase: true, out var userAction) || int.TryParse(action, out _))
        {
            return TypedResults.NotFound(Problem("Unknown action", $"'{action}' is not one of: {string.Join(", ", Enum.GetNames<UserAction>())}."));
        }
        // Account ids are GUIDs; anything else (a NUL that PostgreSQL refuses, 100,000 characters) is no account.
        var result = id.Length > 450 || InputRules.HasForbidden(id)
            ? new AccountResult(AccountOutcome.NotFound, "There is no such account.")
            : await accounts.ApplyAsync(id, userAction, admin.Identity?.Name ?? "");
        return result.Outcome switch
        {
            AccountOutcome.Done => TypedResults.Ok(new UserActionResult(true, result.Message)),
            AccountOutcome.NotFound => TypedResults.NotFound(Problem("No such account", result.Message)),
            _ => TypedResults.Conflict(Problem("Not allowed", result.Message)),
        };
    }

    private static ProblemDetails Problem(string title, string detail) => new() { Title = title, Detail = detail };
}
