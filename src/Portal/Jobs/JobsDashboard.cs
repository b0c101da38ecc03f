using Hangfire;
using Microsoft.AspNetCore.Http.Features;
using Portal.Client.Accounts;

namespace Portal.Jobs;

public static class JobsDashboard
{
    public const string Path = "/hangfire";

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapHangfireDashboard(Path, new DashboardOptions
            {
                // Endpoint authorization decides; Hangfire's default filter would also refuse every non-local request.
                Authorization = [],
                AsyncAuthorization = [],
                DashboardTitle = "Domino Export Portal jobs",
                AppPath = "/",
            })
            .RequireAuthorization(PortalPolicies.Admin);
        dashboard.Add(endpoint => endpoint.RequestDelegate = WithoutFormOnGet(endpoint.RequestDelegate!));
        return dashboard;
    }

    /// <summary>
    /// Its commands (POSTs) are audited (<see cref="DashboardAudit"/>).
    /// The dashboard's polling (<c>/stats</c>) and batch commands read a posted form without checking the method, so a GET
    /// of those addresses was a 500. A GET or HEAD has no form here: reading one is a 405 that says to POST.
    /// </summary>
    private static RequestDelegate WithoutFormOnGet(RequestDelegate dashboard) => async context =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await dashboard(context);
            await DashboardAudit.RecordAsync(context);
            return;
        }
        context.Features.Set<IFormFeature>(new NoForm());
        try
        {
            await dashboard(context);
        }
        catch (NoFormException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.Headers.Allow = "POST";
            await TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: "The jobs dashboard's page sends this address a POST.").ExecuteAsync(context);
        }
    };

    private sealed class NoForm : IFormFeature
    {
        public bool HasFormContentType => false;

        public IFormCollection? Form
        {
            get => null;
            set => throw new NoFormException();
        }

        public IFormCollection ReadForm() => throw new NoFormException();

        public Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) => throw new NoFormException();
    }

    private sealed class NoFormException() : InvalidOperationException("A GET or HEAD request has no form.");
}
