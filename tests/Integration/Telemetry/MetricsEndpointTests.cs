using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.Exports;
using Portal.Exports;
using Portal.Runs;
using Portal.Tests.Integration.Support;
using Portal.Tests.Support;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Telemetry;

/// <summary>A portal that lets nobody on this machine scrape without the token.</summary>
public sealed class GuardedMetricsPortal : PortalHost
{
    public const string Token = "scrape-token-for-tests";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Telemetry:AllowedAddresses:0"] = "10.20.0.0/16",
        ["Telemetry:AllowedAddresses:1"] = "fd00::1",
        ["Telemetry:ScrapeToken"] = Token,
    };
}

/// <summary>
/// Runs alone: OpenTelemetry listens to meters by name across the process, so a run finished by another test's portal in the
/// same test process would be counted on this portal's /metrics too (one portal per process, as in production, never sees that).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (alone in the process)";
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Metrics_show_the_run_and_Domino_counters_moving_after_a_run()
    {
        using var http = portal.Client();
        var before = await http.GetStringAsync("/metrics");
        Assert.DoesNotMatch(FinishedFailedProjectRuns, before);

        var user = await portal.UserAsync("metrics@example.com");
        // The v1 defaults: the Domino double, and an S3 endpoint nothing listens on, so the run fails at S3.
        var setup = await portal.SetUpV1Async();
        var owner = portal.Domino.AddUser("metrics-owner");
        var project = portal.Domino.AddProject(owner, "Metrics");
        project.Commit(new TestFile("a.txt", TestContent.FromText("a")));
        await portal.StoreDominoKeyAsync(user, setup.DeploymentId, owner.ApiKey);
        var runId = await portal.InScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<ExportForms>().SaveAsync(user, null, new ExportForm
            {
                Kind = ExportKind.Project,
                DominoDeploymentId = setup.DeploymentId,
                DominoOwnerName = owner.UserName,
                DominoProjectName = project.Name,
                GroupName = "metrics",
                ProjectName = "metrics",
                ExportFiles = true,
                ExportImage = false,
                S3TargetId = setup.S3TargetId,
                Schedule = "0 3 * * *",
            }, CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
            var started = await sp.GetRequiredService<ExportActions>().RunNowAsync(user, saved.Id!.Value, RunTrigger.Manual, CancellationToken.None);
            return started.RunId!.Value;
        });

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExportRunner>().RunAsync(runId, CancellationToken.None);

        var status = await portal.DbAsync(db => Task.FromResult(db.Runs.Single(r => r.Id == runId).Status));
        string after = "";
        await Poll.UntilAsync(async () => FinishedFailedProjectRuns.IsMatch(after = await http.GetStringAsync("/metrics")),
            "the finished-run counter on /metrics");
        var finished = string.Join("\n", after.Split('\n').Where(l => l.StartsWith("portal_runs_finished_total", StringComparison.Ordinal)));
        Assert.True(Regex.IsMatch(finished, $"status=\"{(int)status}\"[^}}]*\\}} 1"), $"run status {(int)status}; counted:\n{finished}");
        Assert.Matches("portal_run_duration_seconds_count\\{[^}]*kind=\"Project\"[^}]*\\} 1", after);
        Assert.Matches("portal_domino_calls_total\\{[^}]*endpoint=\"FindProject\"[^}]*outcome=\"success\"[^}]*\\} [1-9]", after);
        Assert.Matches("portal_domino_call_duration_seconds_count\\{[^}]*endpoint=\"FindProject\"", after);
        Assert.Matches("portal_runs_running(_ratio)?(\\{[^}]*\\})? 0", after);
    }

    private static readonly Regex FinishedFailedProjectRuns =
        new("portal_runs_finished_total\\{[^}]*kind=\"Project\"[^}]*outcome=\"failed\"[^}]*\\} 1");
}

[Collection(PortalHostCollection.Name)]
public sealed class GuardedMetricsTests(GuardedMetricsPortal portal) : IClassFixture<GuardedMetricsPortal>
{
    [Fact]
    public async Task Metrics_are_refused_to_an_address_not_allowed_and_served_with_the_token()
    {
        using var anonymous = portal.Client();
        using var refused = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("portal_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongToken = await portal.Client("not-the-token").GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);

        using var withToken = await portal.Client(GuardedMetricsPortal.Token).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("# TYPE", await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
