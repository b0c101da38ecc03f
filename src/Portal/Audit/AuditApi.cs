using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Accounts;
using Portal.Client.Accounts;
using Portal.Contracts.Audit;
using Portal.Contracts.Shared;

namespace Portal.Audit;

/// <summary>
/// <c>/api/admin/audit</c>: the whole log for admins, filtered and paged, and as CSV; <c>/api/exports/{id}/audit</c>:
/// one export's entries for whoever can see the export (another user's export is a 404, as everywhere).
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/audit").RequireAuthorization(PortalPolicies.Admin).WithTags("Admin: audit log");
        admin.MapGet("/", ListAsync).WithSummary("Lists the audit log, newest first: filter by person, object, action and time; paged");
        admin.MapGet("/csv", CsvAsync).WithSummary("Downloads the entries the same filters match, as CSV");
        app.MapGet("/api/exports/{id:int}/audit", ForExportAsync).RequireAuthorization().WithTags("Exports")
            .WithSummary("Lists the audit entries about an export you can see, newest first");
        return app;
    }

    public static async Task<Ok<Page<AuditEntryDto>>> ListAsync([AsParameters] AuditQuery query, AuditReader audit,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListAsync(query, cancellationToken));

    public static async Task CsvAsync([AsParameters] AuditQuery query, AuditReader audit, HttpResponse response,
        TimeProvider time, CancellationToken cancellationToken)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false));
        await AuditCsv.WriteAsync(audit.AllAsync(query), writer, cancellationToken);
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, NotFound>> ForExportAsync(int id, AuditReader audit, ClaimsPrincipal user,
        CancellationToken cancellationToken, int page = 0, int pageSize = 25) =>
        await audit.ForExportAsync(PortalUser.From(user), id, page, pageSize, cancellationToken) is { } entries
            ? TypedResults.Ok(entries)
            : TypedResults.NotFound();
}
