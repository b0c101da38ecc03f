using Hangfire;
using Portal.Client.Accounts;

namespace Portal.Jobs;

public static class JobsDashboard
{
    public const string Path = "/hangfire";

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder app) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
            {
                // Endpoint authorization decides; Hangfire's default filter would also refuse every non-local request.
                Authorization = [],
                AsyncAuthorization = [],
                DashboardTitle = "Domino Export Portal jobs",
                AppPath = "/",
            })
            .RequireAuthorization(PortalPolicies.Admin);
}
