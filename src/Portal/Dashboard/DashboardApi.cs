using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Accounts;
using Portal.Contracts.Dashboard;

namespace Portal.Dashboard;

/// <summary><c>/api/dashboard</c>: the home page's tiles and charts, and an export's runs chart.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").RequireAuthorization().WithTags("Dashboard");
        api.MapGet("/tiles", TilesAsync);
        api.MapGet("/daily", DailyAsync);
        api.MapGet("/exports/{id:int}/runs", ExportRunsAsync);
        api.MapGet("/setup", SetupAsync).WithSummary("How far the portal (for admins) and the caller are set up: the home page's checklist");
        return app;
    }

    public static async Task<Ok<DashboardTiles>> TilesAsync(DashboardService dashboard, ClaimsPrincipal user, CancellationToken cancellationToken,
        string? ownerId = null) =>
        TypedResults.Ok(await dashboard.TilesAsync(PortalUser.From(user), ownerId, cancellationToken));

    public static async Task<Ok<IReadOnlyList<DailyRuns>>> DailyAsync(DashboardService dashboard, ClaimsPrincipal user,
        CancellationToken cancellationToken, int days = 30, string? ownerId = null) =>
        TypedResults.Ok(await dashboard.DailyAsync(PortalUser.From(user), days, ownerId, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<RunPoint>>, NotFound>> ExportRunsAsync(int id, DashboardService dashboard, ClaimsPrincipal user,
        CancellationToken cancellationToken, int last = 30) =>
        await dashboard.ExportRunsAsync(PortalUser.From(user), id, last, cancellationToken) is { } runs ? TypedResults.Ok(runs) : TypedResults.NotFound();

    public static async Task<Ok<SetupProgress>> SetupAsync(DashboardService dashboard, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await dashboard.SetupAsync(PortalUser.From(user), cancellationToken));
}
