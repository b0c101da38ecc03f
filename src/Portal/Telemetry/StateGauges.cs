using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Contracts.Runs;

namespace Portal.Telemetry;

/// <summary>
/// Gauges read from the database, so every node reports the whole portal's state, not only its own runs: runs queued and
/// running, and each connection's last health check (1 healthy, 0 not). Read at most once per
/// <see cref="TelemetryOptions.GaugeCacheTime"/>, so a scraper polling often costs the database little.
/// </summary>
public sealed partial class StateGauges
{
    public const string MeterName = "Portal.State";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheTime;
    private readonly ILogger<StateGauges> _logger;
    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public StateGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, IOptions<TelemetryOptions> options,
        ILogger<StateGauges> logger)
    {
        (_scopes, _time, _cacheTime, _logger) = (scopes, time, options.Value.GaugeCacheTime, logger);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("portal.runs.queued", () => Read().Queued, "{run}", "Runs waiting for a worker");
        meter.CreateObservableGauge("portal.runs.running", () => Read().Running, "{run}", "Runs going now");
        meter.CreateObservableGauge("portal.connection.healthy", () => Read().Connections, "1",
            "The last health check of each connection: 1 healthy, 0 not");
    }

    private Snapshot Read()
    {
        lock (_gate)
        {
            if (_time.GetUtcNow() - _readAt < _cacheTime) return _snapshot;
            try
            {
                _snapshot = Query();
            }
            catch (Exception e)
            {
                // A scrape must not fail because the database is away; the gauges go quiet until it returns.
                LogReadFailed(_logger, e.Message);
                _snapshot = Snapshot.Empty;
            }
            _readAt = _time.GetUtcNow();
            return _snapshot;
        }
    }

    private Snapshot Query()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var queued = db.Runs.Count(r => r.Status == StatusCode.Scheduled);
        var running = db.Runs.Count(r => r.Status == StatusCode.Initializing || r.Status >= StatusCode.Running);
        var latest = db.ComponentChecks.AsNoTracking()
            .GroupBy(c => new { c.Component, c.TargetId })
            .Select(g => g.Max(c => c.Id))
            .ToList();
        var checks = db.ComponentChecks.AsNoTracking().Where(c => latest.Contains(c.Id)).ToList();
        var connections = checks.Select(c => new Measurement<int>(c.Healthy ? 1 : 0,
            new KeyValuePair<string, object?>("component", c.Component.ToString()),
            new KeyValuePair<string, object?>("name", c.TargetName))).ToList();
        return new Snapshot([new Measurement<int>(queued)], [new Measurement<int>(running)], connections);
    }

    private sealed record Snapshot(Measurement<int>[] Queued, Measurement<int>[] Running, IReadOnlyList<Measurement<int>> Connections)
    {
        public static readonly Snapshot Empty = new([], [], []);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the run and connection gauges from the database: {Error}")]
    private static partial void LogReadFailed(ILogger logger, string error);
}
