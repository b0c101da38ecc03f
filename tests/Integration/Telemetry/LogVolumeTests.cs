using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.Contracts.Runs;
using Portal.Tests.Integration.Runs;
using Portal.Testbed.Domino;

namespace Portal.Tests.Integration.Telemetry;

/// <summary>
/// What an operator's log holds after a big export at the portal's default levels (src/Portal/appsettings.json): the run's
/// start and end, not a line per HTTP call. The same run wrote 36,602 lines before HttpClient and Polly went to Warning.
/// </summary>
[Collection(PortalExportsCollection.Name)]
public sealed class LogVolumeTests(PortalExportsFixture fixture) : IAsyncLifetime
{
    private const int FileCount = 3_000;
    private ExportsHost _host = null!;

    public async Task InitializeAsync()
    {
        var portalSettings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        // The portal's own file, not a test copy: it is the one that names HttpClient and Polly.
        Assert.Equal("Warning", portalSettings["Logging:LogLevel:Polly"]);
        _host = await ExportsHost.StartAsync(fixture, logging: logging => logging.AddConfiguration(portalSettings.GetSection("Logging")));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_3000_file_export_writes_under_100_lines_at_the_default_level()
    {
        var files = Enumerable.Range(0, FileCount)
            .Select(i => new TestFile($"data/part{i / 100:00}/file{i:0000}.txt", TestContent.FromText($"row {i}\n")))
            .ToList();
        var scenario = await RunScenario.CreateAsync(fixture, _host, image: false, content: files);

        var run = await scenario.RunNowAsync();

        Assert.Equal(StatusCode.Completed, run.Status);
        Assert.Equal(FileCount, run.FilesDone);
        var entries = _host.Logs.Entries;
        var lines = entries.Count;
        // Printed for the report: the measured count, with what wrote the lines.
        Console.WriteLine($"A {FileCount}-file export wrote {lines} log lines at the default level: "
            + string.Join(", ", entries.GroupBy(e => e.Category).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(lines < 100, $"{lines} lines:\n{string.Join("\n", entries.Take(150).Select(e => $"{e.Level} {e.Category}: {e.Message}"))}");
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));

        // One structured line at each end of the run, with what an operator needs to find it.
        var started = Assert.Single(entries, e => e.Message.StartsWith($"Run {run.Id} of export {scenario.ExportId} started on test-node",
            StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, started.Level);
        var ended = Assert.Single(entries, e => e.Message.StartsWith($"Run {run.Id} of export {scenario.ExportId} ended on test-node with 290",
            StringComparison.Ordinal));
        Assert.Contains($"{FileCount} files, {run.BytesDone} bytes", ended.Message, StringComparison.Ordinal);
    }
}
