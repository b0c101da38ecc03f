using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain;
using Portal.Domain.Domino;
using Portal.Tests.Support;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Telemetry;

/// <summary>
/// A Domino call is counted and timed once, whatever its retries; a retry that a later try makes good is not a warning,
/// and a call whose retries all fail is exactly one.
/// </summary>
public sealed class DominoCallTelemetryTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly List<(string Instrument, string Endpoint, string Outcome)> _measurements = [];
    private DominoDouble _domino = null!;
    private ServiceProvider _services = null!;
    private MeterListener _listener = null!;

    public async Task InitializeAsync()
    {
        _domino = await DominoDouble.StartAsync();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(_logs));
        services.AddDominoClient();
        services.Configure<DominoClientOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetries = 2;
        });
        _services = services.BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DominoMetrics.MeterName && instrument.Meter.Scope == meterFactory)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        _listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _services.DisposeAsync();
        await _domino.DisposeAsync();
    }

    [Fact]
    public async Task A_retry_that_succeeds_logs_no_warning_and_counts_one_successful_call()
    {
        var (client, projectId) = await ProjectAsync("recovers");
        _domino.Faults.Fail("/commits", times: 1, status: 503);

        await client.GetHeadCommitAsync(projectId, default);

        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(_logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level == LogLevel.Information
            && e.Message.Contains("OnRetry", StringComparison.Ordinal));
        Assert.Equal([("portal.domino.calls", "Commits", "success")], Of("portal.domino.calls", "Commits"));
        Assert.Equal([("portal.domino.call.duration", "Commits", "success")], Of("portal.domino.call.duration", "Commits"));
    }

    [Fact]
    public async Task A_call_whose_retries_all_fail_logs_one_warning_and_counts_one_server_error()
    {
        var (client, projectId) = await ProjectAsync("keeps-failing");
        _domino.Faults.Fail("/commits", times: 10, status: 503);

        await Assert.ThrowsAsync<DominoException>(() => client.GetHeadCommitAsync(projectId, default));

        var warning = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Domino Commits still answered 503", warning.Message, StringComparison.Ordinal);
        Assert.Contains("giving up", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, _logs.Entries.Count(e => e.Category.StartsWith("Polly", StringComparison.Ordinal)
            && e.Message.Contains("OnRetry", StringComparison.Ordinal)));
        Assert.Equal([("portal.domino.calls", "Commits", "server_error")], Of("portal.domino.calls", "Commits"));
    }

    private async Task<(DominoClient Client, string ProjectId)> ProjectAsync(string name)
    {
        var owner = _domino.AddUser($"{name}-owner");
        var project = _domino.AddProject(owner, name);
        project.Commit(new TestFile("a.txt", TestContent.FromText("a")));
        var client = _services.Create(_domino, owner.ApiKey);
        return (client, (await client.FindProjectAsync(owner.UserName, name, default)).Id);
    }

    private List<(string, string, string)> Of(string instrument, string endpoint)
    {
        lock (_measurements) return _measurements.Where(m => m.Instrument == instrument && m.Endpoint == endpoint).ToList();
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string endpoint = "", outcome = "";
        foreach (var tag in tags)
        {
            if (tag.Key == "endpoint") endpoint = (string)tag.Value!;
            if (tag.Key == "outcome") outcome = (string)tag.Value!;
        }
        lock (_measurements) _measurements.Add((instrument.Name, endpoint, outcome));
    }
}
