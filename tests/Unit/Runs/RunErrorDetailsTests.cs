using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Portal.Accounts;
using Portal.Audit;
using Portal.Contracts.Exports;
using Portal.Contracts.Runs;
using Portal.Connections;
using Portal.Data;
using Portal.Exports;
using Portal.Runs;

namespace Portal.Tests.Unit.Runs;

/// <summary>Issue 13: the run page showed end users a full stack trace with the build's paths; admins still get it.</summary>
public sealed class RunErrorDetailsTests
{
    [Fact]
    public void Stack_frames_go_and_the_exceptions_types_messages_and_build_output_stay()
    {
        var details = Failure().ToString() + "\n\nLast lines of the build output:\nStep 2/3 : RUN make\nmake: *** at line 3 (all) Error 2";

        var shown = RunErrorDetails.WithoutStackFrames(details);

        Assert.Contains(" at ", details, StringComparison.Ordinal); // the input really has frames
        Assert.Contains(".cs:line", details, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Throws), shown, StringComparison.Ordinal);
        Assert.DoesNotContain("--- End of", shown, StringComparison.Ordinal);
        Assert.StartsWith("System.InvalidOperationException: the export failed", shown, StringComparison.Ordinal);
        Assert.Contains("---> System.IO.IOException: disk full", shown, StringComparison.Ordinal);
        Assert.EndsWith("Step 2/3 : RUN make\nmake: *** at line 3 (all) Error 2", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_shows_its_owner_the_details_without_frames_and_an_admin_everything()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var scope = portal.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = new ApplicationUser { UserName = "alice@example.com", Email = "alice@example.com" };
        await users.CreateAsync(account);
        var owner = new PortalUser(account.Id, account.Email, IsAdmin: false);
        var admin = new PortalUser("admin-id", "admin@example.com", IsAdmin: true);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.DominoDeployments.Add(new DominoDeployment { Name = "Domino", ApiUrl = "https://domino.example.com" });
        await db.SaveChangesAsync();
        var export = new Export
        {
            ExportKey = "k1", Kind = ExportKind.Project, OwnerId = owner.Id, DominoDeploymentId = 1, GroupName = "team", ProjectName = "p",
            Schedule = "0 * * * *",
        };
        db.Exports.Add(export);
        await db.SaveChangesAsync();
        var details = Failure().ToString();
        var run = new Run
        {
            ExportId = export.Id, Number = 1, Status = StatusCode.UnknownError, CreatedAt = DateTimeOffset.UtcNow,
            ExceptionType = "InvalidOperationException", ExceptionDetails = details,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        // Reading a run records nothing: the audit log is there only because the service also cancels.
        var runs = new RunService(db, new AuditLog(db, new AuditContext(new HttpContextAccessor()), TimeProvider.System), TimeProvider.System);

        var owners = await runs.GetAsync(owner, run.Id, CancellationToken.None);
        var admins = await runs.GetAsync(admin, run.Id, CancellationToken.None);

        Assert.Equal(RunErrorDetails.WithoutStackFrames(details), owners!.ExceptionDetails);
        Assert.DoesNotContain(".cs:line", owners.ExceptionDetails, StringComparison.Ordinal);
        Assert.Equal("InvalidOperationException", owners.ExceptionType);
        Assert.Equal(details, admins!.ExceptionDetails);
    }

    /// <summary>A real exception with an inner one and stack frames (thrown, so the frames and file paths are real).</summary>
    private static Exception Failure()
    {
        try
        {
            Throws();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new UnreachableException();
    }

    private static void Throws()
    {
        try
        {
            throw new IOException("disk full");
        }
        catch (IOException inner)
        {
            throw new InvalidOperationException("the export failed", inner);
        }
    }
}
