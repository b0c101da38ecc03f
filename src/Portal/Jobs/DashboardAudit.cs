using Portal.Audit;

namespace Portal.Jobs;

/// <summary>
/// What admins do in the jobs dashboard (delete, requeue, trigger, remove, …), in the audit log as
/// <c>scheduler.{command}</c> with the jobs it named. Only commands the dashboard carried out are recorded; its stats
/// polling is not a command.
/// </summary>
internal static class DashboardAudit
{
    public static async Task RecordAsync(HttpContext context)
    {
        if (context.Response.StatusCode is < 200 or >= 300) return;
        var segments = (context.Request.Path.Value ?? "")[JobsDashboard.Path.Length..].Trim('/').Split('/');
        if (segments is [] or ["stats"] or [""]) return;
        string command, where;
        IReadOnlyList<string> jobs;
        if (segments is ["jobs", "actions", var verb, var id])
        {
            (command, where, jobs) = (verb, "job", [id]);
        }
        else
        {
            (command, where) = (segments[^1], string.Join('/', segments[..^1]));
            jobs = context.Request.HasFormContentType
                ? [.. (await context.Request.ReadFormAsync(context.RequestAborted))["jobs[]"].OfType<string>()]
                : [];
        }
        var names = jobs.Count <= 20 ? string.Join(", ", jobs) : $"{string.Join(", ", jobs.Take(20))} and {jobs.Count - 20} more";
        await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync($"scheduler.{command}",
            new AuditObject("job", jobs.Count == 1 ? jobs[0] : null, where), jobs.Count == 0 ? where : $"{where}: {names}",
            cancellationToken: context.RequestAborted);
    }
}
